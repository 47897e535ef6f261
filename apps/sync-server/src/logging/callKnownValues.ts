import { AsyncLocalStorage } from 'node:async_hooks';

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

/**
 * Runs `fn` with `values` (the names and identifiers of the record a call handles) redacted from every log line
 * written while it runs, awaited work included. Nested calls add to the values of the outer one.
 */
export function withKnownValues<T>(values: readonly string[], fn: () => T): T {
  const outer = storage.getStore()?.values ?? [];
  return storage.run(index(values.length === 0 ? outer : [...outer, ...values]), fn);
}

/**
 * The current call's known values that could occur in `texts`: those sharing a whole word with them (a value
 * can only be found where its words are). Core's finder then redacts them exactly; building it for every known
 * value of a large push at every log line would cost up to a second a line.
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
