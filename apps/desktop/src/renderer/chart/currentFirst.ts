const inactive = new Set(['inactive', 'resolved', 'remission', 'completed', 'stopped', 'unknown']);

/**
 * Chart lists at a glance: what is current (active, recurring, on hold) before what is over, each group
 * newest first by its date.
 */
export function currentFirst<T>(entries: readonly T[], status: (entry: T) => string, date: (entry: T) => string | null): T[] {
  const rank = (entry: T) => (inactive.has(status(entry)) ? 1 : 0);
  return [...entries].sort((a, b) => rank(a) - rank(b) || (date(b) ?? '').localeCompare(date(a) ?? ''));
}
