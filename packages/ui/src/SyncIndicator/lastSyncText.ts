/** "Never", "just now", "12 min ago", then a clock time today or a date: how long unsynced work has waited. */
export function lastSyncText(lastSuccessAt: string | number | null, now: Date): string {
  if (lastSuccessAt === null) return 'Never';
  const at = new Date(lastSuccessAt);
  if (Number.isNaN(at.getTime())) return 'Unknown';
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const sameDay = at.toDateString() === now.toDateString();
  return sameDay
    ? `today at ${at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`
    : at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
