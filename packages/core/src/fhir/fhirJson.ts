/** Reading untrusted FHIR JSON: every accessor tolerates any shape and never throws. */
export type FhirObject = Record<string, unknown>;
/** Where a value sits, as formatPath() takes it: ['entry', 3, 'resource', 'birthDate']. */
export type FhirPath = readonly PropertyKey[];

export function isFhirObject(value: unknown): value is FhirObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fhirArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function fhirString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The first element of an array field that passes the test, with its index. */
export function findInArray(
  value: unknown,
  test: (item: FhirObject) => boolean,
): { item: FhirObject; index: number } | undefined {
  const items = fhirArray(value);
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (isFhirObject(item) && test(item)) return { item, index };
  }
  return undefined;
}
