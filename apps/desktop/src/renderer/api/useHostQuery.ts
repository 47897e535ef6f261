import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { HostClient } from '../trpc.ts';
import { useHostContext } from './HostContext.tsx';
import { isSessionLost, toHostProblem, type HostProblem } from './hostProblem.ts';

export interface HostQuery<T> {
  data: T | undefined;
  /** The last failure; data from an earlier answer stays shown beside it. */
  problem: HostProblem | null;
  reload: () => void;
}

/**
 * Loads data from the host when `key` changes (and every pollMs if given). An answer that arrives after
 * the key moved on is dropped, so a slow response never overwrites a newer one.
 */
export function useHostQuery<T>(key: string, load: (host: HostClient) => Promise<T>, options: { pollMs?: number } = {}): HostQuery<T> {
  const { host, onSessionLost } = useHostContext();
  const [state, setState] = useState<{ key: string; data: T | undefined; problem: HostProblem | null }>({ key, data: undefined, problem: null });
  const [generation, setGeneration] = useState(0);
  const loadLatest = useEffectEvent(() => load(host));

  useEffect(() => {
    let current = true;
    loadLatest().then(
      (data) => {
        if (current) setState({ key, data, problem: null });
      },
      (error: unknown) => {
        if (!current) return;
        const problem = toHostProblem(error);
        setState((previous) => ({ key, data: previous.key === key ? previous.data : undefined, problem }));
        if (isSessionLost(problem)) onSessionLost();
      },
    );
    return () => {
      current = false;
    };
  }, [host, key, generation, onSessionLost]);

  const { pollMs } = options;
  useEffect(() => {
    if (!pollMs) return;
    const timer = setInterval(() => setGeneration((g) => g + 1), pollMs);
    return () => clearInterval(timer);
  }, [pollMs]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const fresh = state.key === key;
  return {
    data: fresh ? state.data : undefined,
    problem: fresh ? state.problem : null,
    reload,
  };
}
