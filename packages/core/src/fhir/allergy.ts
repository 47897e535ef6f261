import { allergyFieldsSchema, type AllergyFields } from '../schemas/allergy.ts';
import { conceptText, firstCoding, statusCode } from './codeableConcept.ts';
import { fhirArray, isFhirObject, type FhirObject, type FhirPath } from './fhirJson.ts';
import { firstPresentField, readFhirDate } from './fhirDate.ts';
import type { IssueList } from './issueList.ts';
import { MappedFields, validateMapped } from './mappedFields.ts';

export type MappedAllergy = Omit<AllergyFields, 'patientId'>;

const allergyEntrySchema = allergyFieldsSchema.omit({ patientId: true });

/**
 * AllergyIntolerance → allergy entry. Status from clinicalStatus (active when absent), or entered-in-error when
 * the verification status says so; recorded on recordedDate, else the onset date.
 */
export function mapAllergy(resource: FhirObject, at: FhirPath, issues: IssueList): MappedAllergy | null {
  const fields = new MappedFields();
  const substance = conceptText(resource.code);
  fields.set('substance', substance?.text ?? '', substance ? ['code', ...substance.path] : ['code']);
  const coding = firstCoding(resource.code);
  if (coding) {
    fields.set('code', coding.code, ['code', 'coding', coding.index, 'code']);
    fields.set('codeSystem', coding.system, ['code', 'coding', coding.index, 'system']);
  }
  const category = fhirArray(resource.category)[0];
  if (category !== undefined) fields.set('category', category, ['category', 0]);
  if (resource.criticality !== undefined) fields.set('criticality', resource.criticality, ['criticality']);
  const reaction = reactionText(resource);
  if (reaction !== null) fields.set('reaction', reaction, ['reaction', 0, 'manifestation']);
  fields.set('status', allergyStatus(resource), ['clinicalStatus']);
  const dateField = firstPresentField(resource, ['recordedDate', 'onsetDateTime']);
  if (dateField === undefined) issues.add([...at, 'recordedDate'], 'Needs a recorded date or an onset date');
  else fields.set('recordedDate', readFhirDate(resource, dateField, at, issues) ?? '', [dateField]);
  fields.set('sourceId', resource.id, ['id']);
  return validateMapped(allergyEntrySchema, fields, at, issues);
}

function allergyStatus(resource: FhirObject): string {
  if (statusCode(resource.verificationStatus) === 'entered-in-error') return 'entered-in-error';
  return statusCode(resource.clinicalStatus) ?? 'active';
}

/** The manifestations of the first reaction, e.g. "Hives, Wheezing". */
function reactionText(resource: FhirObject): string | null {
  const reaction = fhirArray(resource.reaction)[0];
  if (!isFhirObject(reaction)) return null;
  const names = fhirArray(reaction.manifestation).flatMap((m) => conceptText(m)?.text ?? []);
  return names.length === 0 ? null : names.join(', ');
}
