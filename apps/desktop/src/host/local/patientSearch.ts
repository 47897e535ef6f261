import { foldedTokens, parsePatientQuery, scoreNameMatch, trigrams, type PatientQuery } from '@eonpro/core';
import { readPatientSearchCandidates, readPatientsByBirthDate, readPatientsByMrn } from '../db/readers.ts';
import type { PatientSummary } from '../db/records.ts';
import type { LocalStore } from './localStore.ts';

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
      return { kind: 'birthDate', results: readPatientsByBirthDate(store.db, parsed.birthDate, max) };
    case 'mrn':
      return { kind: 'mrn', results: readPatientsByMrn(store.db, parsed.mrn, max) };
    case 'name':
      return { kind: 'name', results: rankByName(store, parsed.tokens, max) };
  }
}

/** Patients whose names match the tokens, best first; ties by family then given name. */
export function rankByName(store: LocalStore, tokens: string[], limit: number): PatientSummary[] {
  const candidates = readPatientSearchCandidates(store.db, trigrams(tokens.join(' ')), NAME_CANDIDATES);
  const scored: { patient: PatientSummary; score: number }[] = [];
  for (const patient of candidates) {
    const score = scoreNameMatch(tokens, foldedTokens(`${patient.givenName} ${patient.familyName}`));
    if (score !== null) scored.push({ patient, score });
  }
  scored.sort((a, b) => a.score - b.score || compareNames(a.patient, b.patient));
  return scored.slice(0, limit).map((entry) => entry.patient);
}

function compareNames(a: PatientSummary, b: PatientSummary): number {
  return a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName);
}
