/**
 * Counts the HTTP requests this process sends, per tRPC procedure (`sync.push`, `sync.pull`, …), by wrapping the
 * global fetch the host's server client calls. It only observes: every request goes through unchanged.
 */
export interface RequestCounter {
  count(procedure: string): number;
  stop(): void;
}

export function countTrpcRequests(): RequestCounter {
  const original = globalThis.fetch;
  const counts = new Map<string, number>();
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const procedure = url.pathname.split('/trpc/')[1];
    if (procedure) counts.set(procedure, (counts.get(procedure) ?? 0) + 1);
    return original(input, init);
  };
  return {
    count: (procedure) => counts.get(procedure) ?? 0,
    stop: () => {
      globalThis.fetch = original;
    },
  };
}
