/**
 * The names that occur in `text` as whole words, ignoring case (a lower-cased search key leaks as much as the
 * name itself). Whole words keep short names such as "Max" from matching inside ordinary words.
 */
export function namesInText(text: string, names: readonly string[]): string[] {
  return names.filter((name) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'iu').test(text));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
