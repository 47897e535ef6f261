/**
 * The known values of a call: the names and identifiers in what it was given (core's knownValuesOf), redacted
 * from every log line written while it runs (logger.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { indexKnownValues, knownValuesSharingWords, type KnownValueIndex } from '@eonpro/core';

const storage = new AsyncLocalStorage<KnownValueIndex>();

/** Runs `fn` with `values` redacted from every log line written while it runs, awaited work included. */
export function withKnownValues<T>(values: readonly string[], fn: () => T): T {
  const outer = storage.getStore()?.values ?? [];
  return storage.run(indexKnownValues(values.length === 0 ? outer : [...outer, ...values]), fn);
}

/** The current call's known values that could occur in `texts`. */
export function knownValuesIn(texts: readonly string[]): string[] {
  const known = storage.getStore();
  return known ? knownValuesSharingWords(known, texts) : [];
}
