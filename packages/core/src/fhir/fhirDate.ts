import type { FhirObject, FhirPath } from './fhirJson.ts';
import type { IssueList } from './issueList.ts';

const DATE_OR_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/;
const PARTIAL_DATE = /^\d{4}(?:-\d{2})?$/;

/**
 * The calendar date of a FHIR date or dateTime field, as written (a dateTime keeps the day of its own offset).
 * Whether the day exists is left to the core date schemas. Reports a missing required date, a partial date
 * (year or year-month, which the chart cannot hold) and anything that is not a date.
 */
export function readFhirDate(
  resource: FhirObject,
  field: string,
  at: FhirPath,
  issues: IssueList,
  options: { required?: boolean } = {},
): string | null {
  const value = resource[field];
  if (value === undefined || value === null) {
    if (options.required) issues.add([...at, field], 'Required');
    return null;
  }
  if (typeof value === 'string') {
    const match = DATE_OR_DATE_TIME.exec(value);
    if (match) return match[1]!;
    if (PARTIAL_DATE.test(value)) {
      issues.add([...at, field], 'Needs a full date with year, month and day');
      return null;
    }
  }
  issues.add([...at, field], 'Must be a date written YYYY-MM-DD');
  return null;
}

/** The first of several date fields that is present, e.g. recordedDate, else onsetDateTime. */
export function firstPresentField(resource: FhirObject, fields: readonly string[]): string | undefined {
  return fields.find((field) => resource[field] !== undefined && resource[field] !== null);
}
