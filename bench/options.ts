/** A command-line count such as `--count 10000`: a whole number of at least 1, or a clear error naming the option. */
export function positiveInteger(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${option} must be a whole number of at least 1 (got "${text}")`);
  return value;
}
