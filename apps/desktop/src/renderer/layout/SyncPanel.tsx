/** @jsxRuntime automatic */
import { SyncIndicator } from '@eonpro/ui';
import type { SyncStatusModel } from './useSyncStatus.ts';

/** The header's sync indicator. If the host itself cannot answer, that is shown as an error too. */
export function SyncPanel({ sync }: { sync: SyncStatusModel }) {
  const { status, problem, syncNow } = sync;
  if (!status) {
    return (
      <SyncIndicator
        state={problem ? 'error' : 'syncing'}
        pending={0}
        lastSuccessAt={null}
        errorMessage={problem?.message ?? null}
        onSyncNow={syncNow.run}
      />
    );
  }
  const syncing = status.state === 'syncing' || syncNow.busy;
  return (
    <SyncIndicator
      state={syncing ? 'syncing' : status.state}
      pending={status.pending}
      lastSuccessAt={status.lastSuccessAt}
      errorMessage={syncNow.problem?.message ?? status.lastError ?? null}
      pull={status.pull}
      onSyncNow={syncNow.run}
    />
  );
}
