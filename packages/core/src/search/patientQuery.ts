import { foldedTokens } from './fold.ts';
import { editDistance } from './editDistance.ts';

export type PatientQuery =
  | { kind: 'empty' }
  | { kind: 'birthDate'; birthDate: string }
  | { kind: 'mrn'; mrn: string }
  | { kind: 'name'; tokens: string[] };

/**
 * What a person typed into the patient search box: a date of birth (1990-04-16, 04/16/1990, 16.04.1990),
 * a record number ("MRN 12345", or anything with digits and no spaces), or a name in any order ("Reinger, Ima").
 */
export function parsePatientQuery(raw: string): PatientQuery {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  const birthDate = parseDate(text);
  if (birthDate) return { kind: 'birthDate', birthDate };
  const mrnMatch = /^(?:mrn[:#\s]*)(\S+)$/i.exec(text);
  if (mrnMatch) return { kind: 'mrn', mrn: mrnMatch[1]! };
  if (/\d/.test(text) && !/\s/.test(text)) return { kind: 'mrn', mrn: text };
  const tokens = foldedTokens(text);
  return tokens.length === 0 ? { kind: 'empty' } : { kind: 'name', tokens };
}

function parseDate(text: string): string | null {
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  let year: string | undefined, month: string | undefined, day: string | undefined;
  if (match) [, year, month, day] = match;
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) [, month, day, year] = match;
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text))) [, day, month, year] = match;
  else return null;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Allowed typos per token: none for very short tokens, one up to 5 letters, two beyond. */
export function typoBudget(token: string): number {
  return token.length <= 2 ? 0 : token.length <= 5 ? 1 : 2;
}

/**
 * How well a patient's name matches the query tokens; null when any token matches no name part.
 * Lower is better: 0 exact, prefix matches next, then by edit distance.
 */
export function scoreNameMatch(queryTokens: string[], nameTokens: string[]): number | null {
  let score = 0;
  for (const token of queryTokens) {
    let best: number | null = null;
    for (const part of nameTokens) {
      let cost: number | null = null;
      if (part === token) cost = 0;
      else if (part.startsWith(token)) cost = 0.5;
      else {
        const budget = typoBudget(token);
        const distance = editDistance(token, part.slice(0, Math.max(token.length, part.length)), budget);
        const prefixDistance = part.length > token.length ? editDistance(token, part.slice(0, token.length), budget) + 0.5 : Infinity;
        const d = Math.min(distance, prefixDistance);
        if (d <= budget + 0.5) cost = 1 + d;
      }
      if (cost !== null && (best === null || cost < best)) best = cost;
    }
    if (best === null) return null;
    score += best;
  }
  return score;
}
