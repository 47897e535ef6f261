import { useEffect, useState } from 'react';
import { useHostContext } from '../api/HostContext.tsx';
import { isSessionLost, toHostProblem, type HostProblem } from '../api/hostProblem.ts';
import type { HostOutputs } from '../trpc.ts';

export type PatientSearchAnswer = HostOutputs['patients']['search'];

const DEBOUNCE_MS = 200;
export const SEARCH_LIMIT = 25;

interface SearchState {
  /** The query this answer is for: an answer to an older query is never shown as current. */
  query: string;
  answer: PatientSearchAnswer | null;
  problem: HostProblem | null;
}

/** Searches as the person types, once they pause; a slow older answer never replaces a newer one. */
export function usePatientSearch(query: string) {
  const { host, onSessionLost } = useHostContext();
  const [state, setState] = useState<SearchState>({ query: '', answer: null, problem: null });
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === '') return;
    let current = true;
    const timer = setTimeout(() => {
      host.patients.search.query({ query: trimmed, limit: SEARCH_LIMIT }).then(
        (answer) => {
          if (current) setState({ query: trimmed, answer, problem: null });
        },
        (error: unknown) => {
          if (!current) return;
          const problem = toHostProblem(error);
          setState({ query: trimmed, answer: null, problem });
          if (isSessionLost(problem)) onSessionLost();
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [host, trimmed, onSessionLost]);

  const fresh = state.query === trimmed;
  return {
    answer: fresh ? state.answer : null,
    problem: fresh ? state.problem : null,
    searching: trimmed !== '' && !fresh,
    /** The last answer while a newer search runs, so the list does not flicker empty on every key. */
    previous: fresh ? null : state.answer,
  };
}
