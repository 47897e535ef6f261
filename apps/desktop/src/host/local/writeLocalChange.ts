import { SYNC_SCHEMA_VERSION, uuidv7, type EntityName, type Hlc, type MutationOp } from '@eonpro/core';
import { appendAuditEvent } from '../audit/appendAuditEvent.ts';
import { auditActorOf } from '../audit/auditActor.ts';
import { changeAuditFacts } from '../audit/auditedProcedures.ts';
import type { StoredRecord } from '../db/records.ts';
import { readRecord } from '../db/readers.ts';
import { insertOutboxEntry, keepBaselineIfMissing, takeNextOutboxSeq } from '../db/writers.ts';
import type { Actor } from './actor.ts';
import type { LocalStore } from './localStore.ts';
import { saveRecord } from './saveRecord.ts';

export interface LocalChange {
  entity: EntityName;
  recordId: string;
  op: Extract<MutationOp, 'create' | 'update'>;
  /** Only the fields this change sets (every field for a create). */
  fields: Record<string, unknown>;
  /** The rev the person saw when they made the change; null for a create. */
  baseRev: Hlc | null;
  /** Set when the caller records one audit entry for a group of changes (an import, per patient) instead of one each. */
  auditedByCaller?: boolean;
}

export interface WrittenChange {
  rev: Hlc;
  seq: number;
  mutationId: string;
}

/**
 * One local change = one transaction holding the new row state, its outbox mutation and its audit entry, with the
 * next gapless per-device seq and a fresh HLC on every field it sets. If anything fails, none of them is stored.
 */
export function writeLocalChange(store: LocalStore, actor: Actor, change: LocalChange): WrittenChange {
  return store.transaction(() => {
    const { db } = store;
    const current = readRecord(db, change.entity, change.recordId);
    keepBaselineIfMissing(db, change.entity, change.recordId, current);
    const rev = store.tick();
    const fieldRevs = Object.fromEntries(Object.keys(change.fields).map((field) => [field, rev]));
    const next: StoredRecord = {
      entity: change.entity,
      id: change.recordId,
      rev,
      deleted: current?.deleted ?? false,
      fields: { ...(current?.fields ?? {}), ...change.fields },
      fieldRevs: { ...(current?.fieldRevs ?? {}), ...fieldRevs },
      updatedBy: { userId: actor.userId, deviceId: store.deviceId },
    };
    saveRecord(db, next);
    const seq = takeNextOutboxSeq(db);
    const mutationId = uuidv7();
    insertOutboxEntry(db, {
      seq,
      mutationId,
      schemaVersion: SYNC_SCHEMA_VERSION,
      entity: change.entity,
      recordId: change.recordId,
      op: change.op,
      fields: change.fields,
      fieldRevs,
      baseRev: change.baseRev,
      madeAt: new Date().toISOString(),
      userId: actor.userId,
    });
    if (!change.auditedByCaller) {
      const patientId = change.entity === 'patient' ? change.recordId : next.fields.patientId;
      appendAuditEvent(
        store,
        auditActorOf(actor),
        changeAuditFacts({ ...change, rev, patientId: typeof patientId === 'string' ? patientId : null }),
      );
    }
    return { rev, seq, mutationId };
  });
}
