/** A coded status as words: "entered-in-error" → "Entered in error", "on-hold" → "On hold". */
export function statusLabel(code: string): string {
  const words = code.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
