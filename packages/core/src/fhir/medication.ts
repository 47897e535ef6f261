import { medicationFieldsSchema, type MedicationFields } from '../schemas/medication.ts';
import { conceptText, firstCoding, statusCode } from './codeableConcept.ts';
import { fhirArray, isFhirObject, type FhirObject, type FhirPath } from './fhirJson.ts';
import { readFhirDate } from './fhirDate.ts';
import type { IssueList } from './issueList.ts';
import { MappedFields, validateMapped } from './mappedFields.ts';
import type { MedicationReferences } from './medicationReferences.ts';

export type MappedMedication = Omit<MedicationFields, 'patientId'>;

export const RXNORM_SYSTEM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

const medicationEntrySchema = medicationFieldsSchema.omit({ patientId: true });

/** FHIR MedicationRequest and MedicationStatement statuses → the medication-history status. */
const statusMap: Record<string, string> = {
  active: 'active',
  'on-hold': 'on-hold',
  completed: 'completed',
  stopped: 'stopped',
  cancelled: 'stopped',
  'entered-in-error': 'entered-in-error',
  // Not being taken: keep it off the current medication list.
  'not-taken': 'stopped',
  draft: 'unknown',
  intended: 'unknown',
  unknown: 'unknown',
};

/**
 * MedicationRequest or MedicationStatement → medication-history entry: the drug from medicationCodeableConcept
 * (or the Medication it references), the RxNorm code when the coding is RxNorm, the start from authoredOn
 * (request) or effective[x] (statement), and the first dosage's text.
 */
export function mapMedication(
  resource: FhirObject,
  at: FhirPath,
  issues: IssueList,
  medications: MedicationReferences,
): MappedMedication | null {
  const fields = new MappedFields();
  const drug = medicationConcept(resource, at, issues, medications);
  if (drug) {
    const display = conceptText(drug.concept);
    fields.set('display', display?.text ?? '', display && drug.inline ? [...drug.path, ...display.path] : drug.path);
    const rxnorm = firstCoding(drug.concept, RXNORM_SYSTEM);
    if (rxnorm) fields.set('rxnormCode', rxnorm.code, drug.inline ? [...drug.path, 'coding', rxnorm.index, 'code'] : drug.path);
  } else {
    fields.markReported('display');
  }
  fields.set('status', medicationStatus(resource, at, issues), ['status']);
  readPeriod(resource, fields, at, issues);
  const dosage = fhirArray(resource.resourceType === 'MedicationRequest' ? resource.dosageInstruction : resource.dosage)[0];
  if (isFhirObject(dosage) && dosage.text !== undefined) {
    fields.set('dosageText', dosage.text, [resource.resourceType === 'MedicationRequest' ? 'dosageInstruction' : 'dosage', 0, 'text']);
  }
  fields.set('sourceId', resource.id, ['id']);
  return validateMapped(medicationEntrySchema, fields, at, issues);
}

interface DrugConcept {
  concept: unknown;
  /** Where problems with the drug are reported: the inline concept, or the reference to a Medication. */
  path: FhirPath;
  inline: boolean;
}

function medicationConcept(
  resource: FhirObject,
  at: FhirPath,
  issues: IssueList,
  medications: MedicationReferences,
): DrugConcept | undefined {
  if (resource.medicationCodeableConcept !== undefined) {
    return { concept: resource.medicationCodeableConcept, path: ['medicationCodeableConcept'], inline: true };
  }
  if (resource.medicationReference !== undefined) {
    const medication = medications.resolve(resource.medicationReference, resource);
    if (medication) return { concept: medication.code, path: ['medicationReference'], inline: false };
    issues.add([...at, 'medicationReference', 'reference'], 'Refers to a medication that is not in this bundle');
    return undefined;
  }
  issues.add([...at, 'medicationCodeableConcept'], 'Required');
  return undefined;
}

function medicationStatus(resource: FhirObject, at: FhirPath, issues: IssueList): string | undefined {
  const status = statusCode(resource.status);
  if (status === undefined) issues.add([...at, 'status'], 'Required');
  else if (!Object.hasOwn(statusMap, status)) issues.add([...at, 'status'], 'Must be a FHIR medication status');
  return status === undefined ? undefined : statusMap[status];
}

function readPeriod(resource: FhirObject, fields: MappedFields, at: FhirPath, issues: IssueList): void {
  if (resource.resourceType === 'MedicationRequest') {
    fields.set('startDate', readFhirDate(resource, 'authoredOn', at, issues), ['authoredOn']);
    return;
  }
  if (resource.effectiveDateTime !== undefined) {
    fields.set('startDate', readFhirDate(resource, 'effectiveDateTime', at, issues), ['effectiveDateTime']);
  } else if (isFhirObject(resource.effectivePeriod)) {
    const periodPath = [...at, 'effectivePeriod'];
    fields.set('startDate', readFhirDate(resource.effectivePeriod, 'start', periodPath, issues), ['effectivePeriod', 'start']);
    fields.set('endDate', readFhirDate(resource.effectivePeriod, 'end', periodPath, issues), ['effectivePeriod', 'end']);
  }
}
