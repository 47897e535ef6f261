import { AppError } from '@eonpro/core';
import { appendAuditEvent } from '../audit/appendAuditEvent.ts';
import type { AuditActor } from '../audit/auditActor.ts';
import { readBaseline, readOutboxEntry, readOutboxForRecord, readRecord } from '../db/readers.ts';
import { deleteBaseline, deleteOutboxEntry } from '../db/writers.ts';
import type { LocalStore } from '../local/localStore.ts';
import { saveRecord } from '../local/saveRecord.ts';
import { replayOutbox } from './replayOutbox.ts';

/**
 * Removes a refused change and puts the record back to the server's last known state with this device's other
 * outbox entries over it. A record the server never had is kept only as a local tombstone. The record's new state
 * is recorded in the audit chain as an update, in the same transaction.
 * The caller then pulls, to bring the server's newest state.
 */
export function dismissRejected(store: LocalStore, actor: AuditActor, mutationId: string): void {
  store.transaction(() => {
    const entry = readOutboxEntry(store.db, mutationId);
    if (!entry || entry.status !== 'rejected') {
      throw new AppError('NOT_FOUND', 'This refused change is no longer listed.', [{ path: 'mutationId', message: 'Not found' }]);
    }
    deleteOutboxEntry(store.db, mutationId);
    const baseline = readBaseline(store.db, entry.entity, entry.recordId);
    const current = readRecord(store.db, entry.entity, entry.recordId);
    if (baseline === undefined || !current) return;
    const remaining = readOutboxForRecord(store.db, entry.entity, entry.recordId);
    if (remaining.length === 0) deleteBaseline(store.db, entry.entity, entry.recordId);
    const restored = replayOutbox(baseline, remaining, current.updatedBy) ?? { ...current, deleted: true };
    saveRecord(store.db, restored);
    const patientId = entry.entity === 'patient' ? entry.recordId : restored.fields.patientId;
    appendAuditEvent(store, actor, {
      action: 'update',
      patientId: typeof patientId === 'string' ? patientId : null,
      entity: entry.entity,
      recordId: entry.recordId,
      recordRev: restored.rev,
      detail: { dismissedSeq: entry.seq },
    });
  });
}
