import { useHostAction } from '../api/useHostAction.ts';
import { useHostQuery } from '../api/useHostQuery.ts';

const POLL_MS = 3_000;

/** The sync status, refreshed every few seconds while the session is open, with its two actions. */
export function useSyncStatus(paused: boolean) {
  const status = useHostQuery('sync-status', (host) => host.sync.status.query(), { pollMs: paused ? undefined : POLL_MS });
  const syncNow = useHostAction((host) => host.sync.now.mutate());
  const dismiss = useHostAction((host, mutationId: string) => host.sync.dismissRejected.mutate({ mutationId }));

  return {
    status: status.data,
    problem: status.problem,
    syncNow: {
      busy: syncNow.busy,
      problem: syncNow.problem,
      run: async () => {
        await syncNow.run();
        status.reload();
      },
    },
    dismiss: {
      busy: dismiss.busy,
      problem: dismiss.problem,
      run: async (mutationId: string) => {
        await dismiss.run(mutationId);
        status.reload();
      },
    },
  };
}

export type SyncStatusModel = ReturnType<typeof useSyncStatus>;
