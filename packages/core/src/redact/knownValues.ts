/**
 * Finds the values a caller knows to be identifying (the names, MRN, phone of the record being handled) in any
 * case and with or without accents: "ZOË O'BRIEN" is found for "Zoe O'Brien". A value is found as a whole, with
 * any punctuation or spacing between its words, and each word of two letters or more is found on its own.
 */
export type KnownValueFinder = (text: string) => Array<[start: number, end: number]>;

const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

function foldChar(char: string): string {
  return char.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

function foldValue(value: string): string {
  let folded = '';
  for (const char of value) folded += foldChar(char);
  return folded;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Folded text, and for each of its UTF-16 units where its source character starts and ends in the original. */
function foldWithOrigins(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of text) {
    const foldedChar = foldChar(char);
    for (let unit = 0; unit < foldedChar.length; unit++) {
      starts.push(index);
      ends.push(index + char.length);
    }
    folded += foldedChar;
    index += char.length;
  }
  return { folded, starts, ends };
}

export function knownValueFinder(values: readonly string[]): KnownValueFinder | null {
  const alternatives = new Set<string>();
  for (const value of values) {
    const words = foldValue(value).split(WORD_SEPARATOR).filter((word) => word !== '');
    if (words.join('').length >= 2) alternatives.add(words.map(escapeRegExp).join('[^\\p{L}\\p{N}]+'));
    if (words.length > 1) {
      for (const word of words) if (word.length >= 2 && /^\p{L}+$/u.test(word)) alternatives.add(escapeRegExp(word));
    }
  }
  if (alternatives.size === 0) return null;
  const longestFirst = [...alternatives].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${longestFirst.join('|')})(?![\\p{L}\\p{N}])`, 'gu');

  return (text) => {
    const { folded, starts, ends } = foldWithOrigins(text);
    const spans: Array<[number, number]> = [];
    for (const match of folded.matchAll(pattern)) {
      let end = ends[match.index + match[0].length - 1]!;
      // Accents typed as separate combining marks fold to nothing; take them along with the letter they sit on.
      while (end < text.length && /\p{M}/u.test(text[end]!)) end++;
      spans.push([starts[match.index]!, end]);
    }
    return spans;
  };
}
