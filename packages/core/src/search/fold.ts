// Letters that carry no combining mark to strip, spelled the way people type them without the key.
const LETTER_SPELLINGS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ı: 'i', þ: 'th' };
const SPELLED_LETTERS = new RegExp(`[${Object.keys(LETTER_SPELLINGS).join('')}]`, 'g');

/** Lower case, accents removed, punctuation to spaces: "Zoë O'Brien-Núñez" → "zoe o brien nunez", "Weiß" → "weiss". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(SPELLED_LETTERS, (letter) => LETTER_SPELLINGS[letter]!)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function foldedTokens(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

/** Trigrams of each token, padded so short tokens and word starts count: "ann" → " an", "ann", "nn ". */
export function trigrams(text: string): string[] {
  const grams = new Set<string>();
  for (const token of foldedTokens(text)) {
    const padded = ` ${token} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return [...grams];
}
