import { foldedTokens, parsePatientQuery, scoreNameMatch, trigrams, type PatientQuery } from '@eonpro/core';
import { readPatientSearchCandidates, readPatientsByBirthDate, readPatientsByMrn } from '../db/readers.ts';
import type { StoredRecord } from '../db/records.ts';
import type { LocalStore } from './localStore.ts';
import { toPatientSummary, type PatientSummary } from './patientSummary.ts';

export const MAX_SEARCH_RESULTS = 50;
/** How many trigram candidates are ranked exactly: far more than a page of results, far fewer than a clinic. */
const NAME_CANDIDATES = 1_000;

export interface PatientSearchResult {
  kind: PatientQuery['kind'];
  results: PatientSummary[];
}

/**
 * The patient search box: a birth date or an MRN match exactly; a name finds trigram candidates, then ranks them
 * with core's typo-tolerant, accent-folding score.
 */
export function searchPatients(store: LocalStore, query: string, limit = MAX_SEARCH_RESULTS): PatientSearchResult {
  const parsed = parsePatientQuery(query);
  const max = Math.min(Math.max(1, limit), MAX_SEARCH_RESULTS);
  switch (parsed.kind) {
    case 'empty':
      return { kind: 'empty', results: [] };
    case 'birthDate':
      return { kind: 'birthDate', results: readPatientsByBirthDate(store.db, parsed.birthDate, max).map(toPatientSummary) };
    case 'mrn':
      return { kind: 'mrn', results: readPatientsByMrn(store.db, parsed.mrn, max).map(toPatientSummary) };
    case 'name':
      return { kind: 'name', results: rankByName(store, parsed.tokens, max).map(toPatientSummary) };
  }
}

/** Patients whose names match the tokens, best first; ties by family then given name. */
export function rankByName(store: LocalStore, tokens: string[], limit: number): StoredRecord[] {
  const candidates = readPatientSearchCandidates(store.db, trigrams(tokens.join(' ')), NAME_CANDIDATES);
  const scored: { record: StoredRecord; score: number; sortKey: string }[] = [];
  for (const record of candidates) {
    const given = String(record.fields.givenName);
    const family = String(record.fields.familyName);
    const score = scoreNameMatch(tokens, foldedTokens(`${given} ${family}`));
    if (score !== null) scored.push({ record, score, sortKey: `${family}\u0000${given}` });
  }
  scored.sort((a, b) => a.score - b.score || a.sortKey.localeCompare(b.sortKey));
  return scored.slice(0, limit).map((entry) => entry.record);
}
