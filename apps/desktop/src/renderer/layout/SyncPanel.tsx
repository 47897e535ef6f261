import { SyncIndicator } from '@eonpro/ui';
import type { SyncStatusModel } from './useSyncStatus.ts';

/**
 * The header's sync indicator. When the local service itself stops answering, that shows as a sync error
 * next to the last known counts.
 */
export function SyncPanel({ sync }: { sync: SyncStatusModel }) {
  const { status, problem, syncNow } = sync;
  const state = problem ? 'error' : syncNow.busy ? 'syncing' : (status?.state ?? 'syncing');
  return (
    <SyncIndicator
      state={state}
      pending={status?.pending ?? 0}
      lastSuccessAt={status?.lastSuccessAt ?? null}
      errorMessage={problem?.message ?? syncNow.problem?.message ?? status?.lastError ?? null}
      pull={status?.pull}
      onSyncNow={syncNow.run}
    />
  );
}
