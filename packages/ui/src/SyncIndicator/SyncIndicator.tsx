import { Button } from '../Button/Button.tsx';
import { ProgressBar } from '../ProgressBar/ProgressBar.tsx';
import { lastSyncText } from './lastSyncText.ts';

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncIndicatorProps {
  state: SyncState;
  /** Changes made here that the server has not accepted yet. */
  pending: number;
  lastSuccessAt: string | number | null;
  errorMessage?: string | null;
  /** While pulling: changes received so far and still waiting on the server. */
  pull?: { received: number; remaining: number } | null;
  onSyncNow: () => void;
  now?: Date;
}

function stateText(state: SyncState, pending: number): string {
  switch (state) {
    case 'syncing':
      return 'Syncing…';
    case 'offline':
      return 'Offline — work is kept on this workstation';
    case 'error':
      return 'Sync problem';
    case 'idle':
      return pending === 0 ? 'Up to date' : 'Waiting to sync';
  }
}

/** Always visible in the header: is my work safe on the server yet, and when did that last happen. */
export function SyncIndicator({ state, pending, lastSuccessAt, errorMessage, pull, onSyncNow, now = new Date() }: SyncIndicatorProps) {
  return (
    <section className={`ui-sync ui-sync--${state === 'idle' && pending > 0 ? 'waiting' : state}`} aria-label="Sync status">
      <div className="ui-sync__summary" role="status">
        <span className="ui-sync__state">{stateText(state, pending)}</span>
        <span className="ui-sync__pending">{pending === 0 ? 'No changes waiting' : `${pending} ${pending === 1 ? 'change' : 'changes'} waiting`}</span>
        <span className="ui-sync__last">Last synced: {lastSyncText(lastSuccessAt, now)}</span>
      </div>
      {state === 'error' && errorMessage && <p className="ui-sync__error">{errorMessage}</p>}
      {pull && (
        <ProgressBar
          label="Receiving changes"
          value={pull.received}
          max={pull.received + pull.remaining}
          valueText={`${pull.received} of ${pull.received + pull.remaining}`}
        />
      )}
      <Button onClick={onSyncNow} busy={state === 'syncing'} busyLabel="Syncing…">
        Sync now
      </Button>
    </section>
  );
}
