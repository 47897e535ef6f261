import { AsyncLocalStorage } from 'node:async_hooks';
import { indexKnownValues, knownValuesSharingWords, type KnownValueIndex } from '@eonpro/core';

const storage = new AsyncLocalStorage<KnownValueIndex>();

/**
 * Runs `fn` with `values` (the names and identifiers of the record a call handles) redacted from every log line
 * written while it runs, awaited work included. Nested calls add to the values of the outer one.
 */
export function withKnownValues<T>(values: readonly string[], fn: () => T): T {
  const outer = storage.getStore()?.values ?? [];
  return storage.run(indexKnownValues(values.length === 0 ? outer : [...outer, ...values]), fn);
}

/** The current call's known values that could occur in `texts`. */
export function knownValuesIn(texts: readonly string[]): string[] {
  const known = storage.getStore();
  return known ? knownValuesSharingWords(known, texts) : [];
}
