import { isSensitiveKey } from './sensitiveKeys.ts';

/**
 * Keys that mark a whole payload rather than one identifying field: the strings below them count only when a
 * more specific key says so (`fields.givenName`, `bundle.entry[0].resource.name[0].family`), so a bundle's
 * codes and a mutation's status words do not become known values.
 */
const payloadKeys = new Set(['input', 'fields', 'changes', 'bundle', 'resource', 'body']);
/** Keys whose values are machine stamps keyed by field name (`fieldRevs.ssn` is a clock, not an SSN): never identifying. */
const stampKeys = new Set(['fieldRevs']);
/** Longer strings are narratives and attachments, not names; patterns catch what identifies in them. */
const MAX_VALUE_LENGTH = 200;

/**
 * The identifying strings in a call's input: every string under a sensitive key (see core's sensitiveKeys),
 * such as a patient's names, MRN, phone and email, a FHIR resource's `name`, `telecom`, `identifier` and
 * `address`, a search query, a password. Logged text containing any of them is redacted for that call.
 */
export function knownValuesOf(input: unknown): string[] {
  const values = new Set<string>();
  collect(input, false, values);
  return [...values];
}

function collect(value: unknown, identifying: boolean, values: Set<string>): void {
  if (typeof value === 'string') {
    if (identifying && value.trim().length >= 2 && value.length <= MAX_VALUE_LENGTH) values.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, identifying, values);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (!stampKeys.has(key)) collect(item, identifying || (isSensitiveKey(key) && !payloadKeys.has(key)), values);
    }
  }
}
