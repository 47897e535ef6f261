import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<readonly string[]>();

/**
 * Runs `fn` with `values` (the names and identifiers of the record a call handles) redacted from every log line
 * written while it runs, awaited work included. Nested calls add to the values of the outer one.
 */
export function withKnownValues<T>(values: readonly string[], fn: () => T): T {
  const outer = storage.getStore() ?? [];
  return storage.run(values.length === 0 ? outer : [...outer, ...values], fn);
}

/** The known values of the call this code runs for; none outside a call. */
export function currentKnownValues(): readonly string[] {
  return storage.getStore() ?? [];
}
