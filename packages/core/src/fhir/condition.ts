import { conditionFieldsSchema, type ConditionFields } from '../schemas/condition.ts';
import { conceptText, firstCoding, statusCode } from './codeableConcept.ts';
import type { FhirObject, FhirPath } from './fhirJson.ts';
import { firstPresentField, readFhirDate } from './fhirDate.ts';
import type { IssueList } from './issueList.ts';
import { MappedFields, validateMapped } from './mappedFields.ts';

export type MappedCondition = Omit<ConditionFields, 'patientId'>;

const conditionEntrySchema = conditionFieldsSchema.omit({ patientId: true });

/**
 * Condition → problem-list entry. Clinical status as sent (active when absent), or entered-in-error when the
 * verification status says so; onset and abatement from their dateTime forms; recorded on recordedDate, else onset.
 */
export function mapCondition(resource: FhirObject, at: FhirPath, issues: IssueList): MappedCondition | null {
  const fields = new MappedFields();
  const display = conceptText(resource.code);
  fields.set('display', display?.text ?? '', display ? ['code', ...display.path] : ['code']);
  const coding = firstCoding(resource.code);
  if (coding) {
    fields.set('code', coding.code, ['code', 'coding', coding.index, 'code']);
    fields.set('codeSystem', coding.system, ['code', 'coding', coding.index, 'system']);
  }
  const enteredInError = statusCode(resource.verificationStatus) === 'entered-in-error';
  fields.set('clinicalStatus', enteredInError ? 'entered-in-error' : (statusCode(resource.clinicalStatus) ?? 'active'), ['clinicalStatus']);
  fields.set('onsetDate', readFhirDate(resource, 'onsetDateTime', at, issues), ['onsetDateTime']);
  fields.set('abatementDate', readFhirDate(resource, 'abatementDateTime', at, issues), ['abatementDateTime']);
  const dateField = firstPresentField(resource, ['recordedDate', 'onsetDateTime']);
  if (dateField === undefined) issues.add([...at, 'recordedDate'], 'Needs a recorded date or an onset date');
  else if (dateField === 'recordedDate') fields.set('recordedDate', readFhirDate(resource, dateField, at, issues) ?? '', [dateField]);
  else fields.set('recordedDate', fields.values.onsetDate ?? '', [dateField]);
  fields.set('sourceId', resource.id, ['id']);
  return validateMapped(conditionEntrySchema, fields, at, issues);
}
