import type { z } from 'zod';
import type { FhirPath } from './fhirJson.ts';
import type { IssueList } from './issueList.ts';

/** Field values read from one FHIR resource, each remembering the FHIR element it came from. */
export class MappedFields {
  readonly values: Record<string, unknown> = {};
  private readonly sources = new Map<string, FhirPath>();
  private readonly reported = new Set<string>();

  set(field: string, value: unknown, source: FhirPath): void {
    this.values[field] = value;
    this.sources.set(field, source);
  }

  /** The field could not be read and its problem is already reported; the schema need not explain it again. */
  markReported(field: string): void {
    this.reported.add(field);
  }

  wasReported(field: PropertyKey): boolean {
    return typeof field === 'string' && this.reported.has(field);
  }

  sourceOf(field: PropertyKey): FhirPath {
    return (typeof field === 'string' && this.sources.get(field)) || [field];
  }
}

/**
 * Validates mapped fields with a core schema. A schema problem is reported at the FHIR element the field came
 * from (`entry[4].resource.birthDate`, not `birthDate`), once per element.
 */
export function validateMapped<S extends z.ZodType>(
  schema: S,
  fields: MappedFields,
  at: FhirPath,
  issues: IssueList,
): z.output<S> | null {
  const result = schema.safeParse(fields.values);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const [field, ...rest] = issue.path;
    if (field !== undefined && fields.wasReported(field)) continue;
    const source = field === undefined ? [] : [...fields.sourceOf(field), ...rest];
    issues.addOnce([...at, ...source], issue.message);
  }
  return null;
}
