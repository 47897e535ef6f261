/** Nearest-rank percentile (p in 0..100) of durations in milliseconds. */
export function percentile(durationsMs: readonly number[], p: number): number {
  if (durationsMs.length === 0) throw new Error('No durations to take a percentile of');
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function perSecond(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (count * 1000) / elapsedMs : Infinity;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
