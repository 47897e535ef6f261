/**
 * The known values of a call: the names and identifiers in what it was given, redacted from every log line
 * written while it runs (logger.ts). The same rules as the sync server's logging/callKnownValues.ts and
 * logging/knownValuesOf.ts.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { isSensitiveKey } from '@eonpro/core';

/** A call's known values, indexed by the words they are made of (folded like core's knownValues.ts folds). */
interface KnownValues {
  values: readonly string[];
  byWord: Map<string, string[]>;
}

const storage = new AsyncLocalStorage<KnownValues>();
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(WORD_SEPARATOR)
    .filter((word) => word !== '');
}

function index(values: readonly string[]): KnownValues {
  const byWord = new Map<string, string[]>();
  for (const value of values) {
    for (const word of new Set(words(value))) byWord.set(word, [...(byWord.get(word) ?? []), value]);
  }
  return { values, byWord };
}

/** Runs `fn` with `values` redacted from every log line written while it runs, awaited work included. */
export function withKnownValues<T>(values: readonly string[], fn: () => T): T {
  const outer = storage.getStore()?.values ?? [];
  return storage.run(index(values.length === 0 ? outer : [...outer, ...values]), fn);
}

/**
 * The current call's known values that could occur in `texts`: those sharing a whole word with them (a value
 * can only be found where its words are). Core's finder then redacts them exactly; building it for every known
 * value of a large import at every log line would cost up to a second a line.
 */
export function knownValuesIn(texts: readonly string[]): string[] {
  const known = storage.getStore();
  if (!known || known.byWord.size === 0) return [];
  const found = new Set<string>();
  for (const text of texts) {
    for (const word of words(text)) for (const value of known.byWord.get(word) ?? []) found.add(value);
  }
  return [...found];
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
