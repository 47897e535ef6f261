import { entities, maxHlc, mergeFields, type HybridClock, type Hlc } from '@eonpro/core';
import type { Queryable } from '../db/database.ts';
import type { TenantSealer } from '../keys/tenantSealer.ts';
import { reject, type Change, type ChangeAuthor, type ChangeOutcome } from './change.ts';
import { logChange, nextSeq } from './changeLog.ts';
import { readRecord, writeRecord, type StoredRecord } from './entityRecords.ts';
import { openReviewTask } from './reviewTasks.ts';
import { validateChange } from './validateChange.ts';

export interface ApplyContext {
  /** A tenant-scoped transaction (src/tenancy). */
  tx: Queryable;
  tenantId: string;
  clock: HybridClock;
  author: ChangeAuthor;
  /** Seals the fields the server stores only sealed (SSN, driver's licence). */
  sealer: TenantSealer;
}

/**
 * The one write path for synced records: pushed mutations and server-made changes (imports) both come here.
 * Checks everything before writing anything, so a rejected change leaves no trace. An applied change is merged
 * per field by HLC, numbered with the tenant's next seq and entered in the sync log.
 */
export async function applyChange(ctx: ApplyContext, change: Change): Promise<ChangeOutcome> {
  const validation = validateChange(change, Date.now());
  if (!validation.ok) return validation.rejection;
  const definition = entities[change.entity];
  const current = await readRecord(ctx, change.entity, change.recordId, { forUpdate: true });

  if (current === null && change.op !== 'create') {
    return reject('NOT_FOUND', 'The record this change is for was not found.', 'recordId');
  }
  if (current !== null && change.op === 'create' && definition.appendOnly) {
    return reject('APPEND_ONLY', 'This entry was already recorded and cannot be recorded again. Record a new entry that amends it.', 'recordId');
  }
  if (definition.patientField !== null && change.op === 'create') {
    const refused = await checkReferences(ctx, change, validation.fields);
    if (refused) return refused;
  }

  for (const rev of Object.values(change.fieldRevs)) ctx.clock.receive(rev);
  const next = change.op === 'delete' ? deleted(ctx.clock, current!) : await merged(ctx, change, current, validation.fields);
  if (current !== null && !changed(current, next)) return { status: 'applied', rev: current.rev };

  const record: StoredRecord = { ...next, id: change.recordId, updatedBy: ctx.author };
  const seq = await nextSeq(ctx.tx, ctx.tenantId);
  await writeRecord(ctx, change.entity, record, seq);
  await logChange(ctx.tx, ctx.tenantId, seq, change.entity, change.recordId);
  return { status: 'applied', rev: record.rev };
}

type NextState = Pick<StoredRecord, 'rev' | 'deleted' | 'fields' | 'fieldRevs'>;

/** Per-field last-writer-wins. A safety field that loses a concurrent value, or an edit that reaches a deleted record, opens a review task. */
async function merged(ctx: ApplyContext, change: Change, current: StoredRecord | null, fields: Record<string, unknown>): Promise<NextState> {
  const changeRev = Object.values(change.fieldRevs).reduce<Hlc | null>((latest, rev) => maxHlc(latest, rev), null);
  // On create the schema fills in fields the device left out (as null); they count as set with the change.
  const fieldRevs = Object.fromEntries(Object.keys(fields).map((field) => [field, change.fieldRevs[field] ?? changeRev!]));
  const result = mergeFields(current, { fields, fieldRevs }, { safetyFields: entities[change.entity].safetyFields, baseRev: change.baseRev });

  for (const conflict of result.conflicts) {
    await openReviewTask(ctx, { entity: change.entity, recordId: change.recordId, ...conflict });
  }
  if (current?.deleted && result.changedFields.length > 0) {
    const edit = Object.fromEntries(result.changedFields.map((field) => [field, result.fields[field]]));
    await openReviewTask(ctx, { entity: change.entity, recordId: change.recordId, field: 'deleted', kept: true, other: edit });
  }
  return {
    fields: result.fields,
    fieldRevs: result.fieldRevs,
    rev: maxHlc(current?.rev, result.rev)!,
    deleted: current?.deleted ?? false,
  };
}

/**
 * Whether the record's state moved. Not the same as its rev moving: a field can win with a time older than
 * another field's (its own time is newer), which changes the record but not its latest time.
 */
function changed(current: StoredRecord, next: NextState): boolean {
  if (next.deleted !== current.deleted) return true;
  const fields = new Set([...Object.keys(current.fieldRevs), ...Object.keys(next.fieldRevs)]);
  return [...fields].some((field) => current.fieldRevs[field] !== next.fieldRevs[field]);
}

/** A delete leaves a tombstone: the record keeps its fields (for review) and syncs as deleted. */
function deleted(clock: HybridClock, current: StoredRecord): NextState {
  if (current.deleted) return current;
  // The delete is stamped by the server, later than every change the record has seen.
  clock.observe(current.rev);
  return { fields: current.fields, fieldRevs: current.fieldRevs, rev: clock.tick(), deleted: true };
}

/** A clinical entry must name a patient of this tenant, and amend only an entry of the same patient. */
async function checkReferences(ctx: ApplyContext, change: Change, fields: Record<string, unknown>): Promise<ChangeOutcome | null> {
  const patientId = fields.patientId as string;
  if ((await readRecord(ctx, 'patient', patientId)) === null) {
    return reject('NOT_FOUND', 'The patient this entry is for was not found.', 'fields.patientId');
  }
  const amendsId = fields.amendsId as string | null;
  if (amendsId !== null) {
    const amended = await readRecord(ctx, change.entity, amendsId);
    if (amended === null || amended.fields.patientId !== patientId) {
      return reject('NOT_FOUND', 'The entry this one amends was not found for this patient.', 'fields.amendsId');
    }
  }
  return null;
}
