import { AsyncLocalStorage } from 'node:async_hooks';
import { isSensitiveKey } from '@eonpro/core';

/**
 * The known values of a call: the names and identifiers in what it was given, redacted from every log line
 * written while it runs (logger.ts). The same rules as the sync server's logging/knownValuesOf.ts.
 */
const storage = new AsyncLocalStorage<readonly string[]>();

/** Runs `fn` with `values` redacted from every log line written while it runs, awaited work included. */
export function withKnownValues<T>(values: readonly string[], fn: () => T): T {
  const outer = storage.getStore() ?? [];
  return storage.run(values.length === 0 ? outer : [...outer, ...values], fn);
}

export function currentKnownValues(): readonly string[] {
  return storage.getStore() ?? [];
}

/**
 * Keys that mark a whole payload rather than one identifying field: the strings below them count only when a
 * more specific key says so (`changes.givenName`, `bundle.entry[0].resource.name[0].family`).
 */
const payloadKeys = new Set(['input', 'fields', 'changes', 'bundle', 'resource', 'body']);
/** Longer strings are narratives and attachments, not names; patterns catch what identifies in them. */
const MAX_VALUE_LENGTH = 200;

/**
 * The identifying strings in a call's input: every string under a sensitive key (core's sensitiveKeys) such as
 * a patient's names, MRN, phone and email, a FHIR resource's name, telecom, identifier and address, a search
 * query, a password or passphrase.
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
    for (const [key, item] of Object.entries(value)) collect(item, identifying || (isSensitiveKey(key) && !payloadKeys.has(key)), values);
  }
}
