/** A call's known values (names and identifiers to redact), indexed by the words they are made of. */
export interface KnownValueIndex {
  values: readonly string[];
  byWord: Map<string, string[]>;
}

const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(WORD_SEPARATOR)
    .filter((word) => word !== '');
}

export function indexKnownValues(values: readonly string[]): KnownValueIndex {
  const byWord = new Map<string, string[]>();
  for (const value of values) {
    for (const word of new Set(words(value))) byWord.set(word, [...(byWord.get(word) ?? []), value]);
  }
  return { values, byWord };
}

/**
 * The known values that could occur in `texts`: those sharing a whole word with them (a value can only be found
 * where its words are). The text redactor then finds them exactly; building it for every known value of a large
 * push or import at every log line would cost up to a second a line.
 */
export function knownValuesSharingWords(index: KnownValueIndex, texts: readonly string[]): string[] {
  if (index.byWord.size === 0) return [];
  const found = new Set<string>();
  for (const text of texts) {
    for (const word of words(text)) for (const value of index.byWord.get(word) ?? []) found.add(value);
  }
  return [...found];
}
