import { useCallback, useState } from 'react';
import type { HostClient } from '../trpc.ts';
import { useHostContext } from './HostContext.tsx';
import { isSessionLost, toHostProblem, type HostProblem } from './hostProblem.ts';

export type ActionResult<T> = { ok: true; value: T } | { ok: false; problem: HostProblem };

export interface HostAction<A extends unknown[], T> {
  run: (...args: A) => Promise<ActionResult<T>>;
  busy: boolean;
  problem: HostProblem | null;
  clearProblem: () => void;
}

/** A change sent to the host: busy while it runs, its problem kept to show next to the form. */
export function useHostAction<A extends unknown[], T>(action: (host: HostClient, ...args: A) => Promise<T>): HostAction<A, T> {
  const { host, onSessionLost } = useHostContext();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<HostProblem | null>(null);

  const run = async (...args: A): Promise<ActionResult<T>> => {
    setBusy(true);
    setProblem(null);
    try {
      const value = await action(host, ...args);
      return { ok: true, value };
    } catch (error) {
      const found = toHostProblem(error);
      setProblem(found);
      if (isSessionLost(found)) onSessionLost();
      return { ok: false, problem: found };
    } finally {
      setBusy(false);
    }
  };

  const clearProblem = useCallback(() => setProblem(null), []);
  return { run, busy, problem, clearProblem };
}
