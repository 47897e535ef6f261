import type { CallOutcome } from './callProcedure.ts';

/**
 * An outcome with what differs between any two calls blanked out (ids, instants, clock readings, sequence
 * numbers, made-up emails), so the answer to another clinic's ids can be compared with the answer to random ids.
 */
export function comparableOutcome(outcome: CallOutcome): string {
  const text = outcome.ok ? `ok ${JSON.stringify(outcome.data)}` : `${outcome.code} ${outcome.message}`;
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/\d{4}-\d{2}-\d{2}T[\d:.-]+Z/g, '<instant>')
    .replace(/\d{18}:\d{6}:/g, '<hlc>:')
    .replace(/"seq":\d+/g, '"seq":<n>')
    .replace(/[\w.+-]+@clinic\.test/g, '<email>');
}
