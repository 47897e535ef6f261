import { Alert, Button } from '@eonpro/ui';
import type { HostOutputs } from '../trpc.ts';
import type { SyncStatusModel } from './useSyncStatus.ts';

type RejectedChange = HostOutputs['sync']['status']['rejected'][number];

const entityLabels: Record<string, string> = {
  patient: 'Patient demographics',
  allergy: 'Allergy',
  condition: 'Problem',
  medication: 'Medication',
};
const opLabels: Record<string, string> = { create: 'new entry', update: 'change', delete: 'removal' };

/**
 * Changes the server refused stay listed, with the server's reason, until someone dismisses them: a
 * refused change is never dropped silently. Other changes keep syncing behind them.
 */
export function RejectedChanges({ sync, onOpenChart }: { sync: SyncStatusModel; onOpenChart: (patientId: string) => void }) {
  const rejected = sync.status?.rejected ?? [];
  if (rejected.length === 0) return null;
  return (
    <section className="rejected" aria-label="Changes the server refused">
      <Alert tone="error" title={`${rejected.length} ${rejected.length === 1 ? 'change was' : 'changes were'} refused by the server`}>
        <p>These changes are kept on this workstation but not shared. Read the reason, fix the record if needed, then dismiss.</p>
        <ul className="rejected__list">
          {rejected.map((change) => (
            <RejectedChangeItem
              key={change.mutationId}
              change={change}
              busy={sync.dismiss.busy}
              onDismiss={() => sync.dismiss.run(change.mutationId)}
              onOpenChart={onOpenChart}
            />
          ))}
        </ul>
        {sync.dismiss.problem && <p className="rejected__problem">{sync.dismiss.problem.message}</p>}
      </Alert>
    </section>
  );
}

interface RejectedChangeItemProps {
  change: RejectedChange;
  busy: boolean;
  onDismiss: () => void;
  onOpenChart: (patientId: string) => void;
}

function RejectedChangeItem({ change, busy, onDismiss, onOpenChart }: RejectedChangeItemProps) {
  const { patientId } = change;
  const what = entityLabels[change.entity] ?? change.entity;
  return (
    <li className="rejected__item">
      <div>
        <strong>{what}</strong> ({opLabels[change.op] ?? change.op}, made {new Date(change.madeAt).toLocaleString()})
        <div>
          <code className="rejected__code">{change.code}</code> {change.message}
          {change.path && (
            <>
              {' '}
              — field <code>{change.path}</code>
            </>
          )}
        </div>
      </div>
      <div className="rejected__actions">
        {patientId !== null && (
          <Button onClick={() => onOpenChart(patientId)} aria-label={`Open the chart this refused ${what} change is for`}>
            Open chart
          </Button>
        )}
        <Button onClick={onDismiss} disabled={busy} aria-label={`Dismiss refused ${what} change`}>
          Dismiss
        </Button>
      </div>
    </li>
  );
}
