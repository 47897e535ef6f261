/** @jsxRuntime automatic */
import { Alert, Button } from '@eonpro/ui';
import type { SyncStatusModel } from './useSyncStatus.ts';

const entityLabels: Record<string, string> = {
  patient: 'Patient demographics',
  allergy: 'Allergy',
  condition: 'Problem',
  medication: 'Medication',
};

/**
 * Changes the server refused stay listed, with the server's reason, until someone dismisses them: a
 * refused change is never dropped silently. Other changes keep syncing behind them.
 */
export function RejectedChanges({ sync }: { sync: SyncStatusModel }) {
  const rejected = sync.status?.rejected ?? [];
  if (rejected.length === 0) return null;
  return (
    <section className="rejected" aria-label="Changes the server refused">
      <Alert
        tone="error"
        title={`${rejected.length} ${rejected.length === 1 ? 'change was' : 'changes were'} refused by the server`}
      >
        <p>These changes are kept on this workstation but not shared. Read the reason, fix the record if needed, then dismiss.</p>
        <ul className="rejected__list">
          {rejected.map((change) => (
            <li key={change.mutationId} className="rejected__item">
              <div>
                <strong>{entityLabels[change.entity] ?? change.entity}</strong> ({change.op}, {new Date(change.madeAt).toLocaleString()})
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
              <Button onClick={() => sync.dismiss.run(change.mutationId)} disabled={sync.dismiss.busy} aria-label={`Dismiss refused ${entityLabels[change.entity] ?? change.entity} change`}>
                Dismiss
              </Button>
            </li>
          ))}
        </ul>
        {sync.dismiss.problem && <p className="rejected__problem">{sync.dismiss.problem.message}</p>}
      </Alert>
    </section>
  );
}
