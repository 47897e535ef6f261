import type { EntityName, Hlc } from '@eonpro/core';
import type { Db } from './openDatabase.ts';
import type { OutboxEntry } from './outboxEntry.ts';
import type { LocalUserRow } from './readers.ts';
import { columnsOf, recordToRowValues, type StoredRecord } from './records.ts';
import { prepared } from './statements.ts';

/** Every statement that writes. Callers wrap related writes in one transaction. */

export function insertSyncState(db: Db, deviceId: string): void {
  prepared(db, 'INSERT INTO sync_state (id, device_id) VALUES (1, ?)').run(deviceId);
}

/** The next per-device mutation number. Inside the caller's transaction, so a rollback leaves no gap. */
export function takeNextOutboxSeq(db: Db): number {
  return (prepared(db, 'UPDATE sync_state SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq').get() as { last_seq: number })
    .last_seq;
}

export function saveClockHighWater(db: Db, hlc: Hlc): void {
  prepared(db, 'UPDATE sync_state SET hlc = ? WHERE id = 1 AND (hlc IS NULL OR hlc < ?)').run(hlc, hlc);
}

export function saveCursor(db: Db, cursor: number): void {
  prepared(db, 'UPDATE sync_state SET cursor = ? WHERE id = 1').run(cursor);
}

export function saveSyncSuccess(db: Db, at: string): void {
  prepared(db, 'UPDATE sync_state SET last_success_at = ?, last_error = NULL WHERE id = 1').run(at);
}

export function saveSyncError(db: Db, message: string): void {
  prepared(db, 'UPDATE sync_state SET last_error = ? WHERE id = 1').run(message);
}

export function saveTenant(db: Db, tenantId: string): void {
  prepared(db, 'UPDATE sync_state SET tenant_id = ? WHERE id = 1').run(tenantId);
}

export function upsertRecord(db: Db, record: StoredRecord): void {
  const { table, columns } = columnsOf(record.entity);
  const all = ['id', ...columns, 'rev', 'deleted', 'field_revs', 'updated_by_user', 'updated_by_device'];
  const updates = all.slice(1).map((column) => `${column} = excluded.${column}`);
  prepared(
    db,
    `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
  ).run(...recordToRowValues(record));
}

export function replacePatientSearch(db: Db, patientId: string, grams: readonly string[]): void {
  prepared(db, 'DELETE FROM patient_search WHERE patient_id = ?').run(patientId);
  const insert = prepared(db, 'INSERT INTO patient_search (gram, patient_id) VALUES (?, ?)');
  for (const gram of grams) insert.run(gram, patientId);
}

export function insertOutboxEntry(db: Db, entry: Omit<OutboxEntry, 'status' | 'rejection'>): void {
  prepared(
    db,
    `INSERT INTO outbox (seq, mutation_id, schema_version, entity, record_id, op, fields, field_revs, base_rev, made_at, user_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.seq,
    entry.mutationId,
    entry.schemaVersion,
    entry.entity,
    entry.recordId,
    entry.op,
    JSON.stringify(entry.fields),
    JSON.stringify(entry.fieldRevs),
    entry.baseRev,
    entry.madeAt,
    entry.userId,
  );
}

export function deleteOutboxEntry(db: Db, mutationId: string): void {
  prepared(db, 'DELETE FROM outbox WHERE mutation_id = ?').run(mutationId);
}

export function markOutboxRejected(db: Db, mutationId: string, rejection: NonNullable<OutboxEntry['rejection']>): void {
  prepared(
    db,
    `UPDATE outbox SET status = 'rejected', reject_code = ?, reject_message = ?, reject_path = ? WHERE mutation_id = ?`,
  ).run(rejection.code, rejection.message, rejection.path, mutationId);
}

/** Keeps the state a record had before its first local change (the server's, as far as this device knows). */
export function keepBaselineIfMissing(db: Db, entity: EntityName, recordId: string, serverState: StoredRecord | null): void {
  prepared(db, 'INSERT OR IGNORE INTO record_baselines (entity, record_id, server_state) VALUES (?, ?, ?)').run(
    entity,
    recordId,
    serverState === null ? null : JSON.stringify(serverState),
  );
}

export function saveBaseline(db: Db, entity: EntityName, recordId: string, serverState: StoredRecord): void {
  prepared(
    db,
    `INSERT INTO record_baselines (entity, record_id, server_state) VALUES (?, ?, ?)
     ON CONFLICT (entity, record_id) DO UPDATE SET server_state = excluded.server_state`,
  ).run(entity, recordId, JSON.stringify(serverState));
}

export function deleteBaseline(db: Db, entity: EntityName, recordId: string): void {
  prepared(db, 'DELETE FROM record_baselines WHERE entity = ? AND record_id = ?').run(entity, recordId);
}

export function upsertLocalUser(db: Db, user: LocalUserRow): void {
  prepared(
    db,
    `INSERT INTO local_users (id, tenant_id, tenant_name, name, email, role, last_signed_in_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET tenant_id = excluded.tenant_id, tenant_name = excluded.tenant_name, name = excluded.name,
       email = excluded.email, role = excluded.role, last_signed_in_at = excluded.last_signed_in_at`,
  ).run(user.id, user.tenantId, user.tenantName, user.name, user.email, user.role, user.lastSignedInAt);
}

/** After an online sign-in: the user's new verifier, their failures forgotten, enabled again (the server let them in). */
export function saveOfflineCredential(db: Db, credential: { userId: string; email: string; verifier: string; at: string }): void {
  // An email moves with its account: a row of another user with the same email is stale.
  prepared(db, 'DELETE FROM offline_credentials WHERE email = ? AND user_id <> ?').run(credential.email, credential.userId);
  prepared(
    db,
    `INSERT INTO offline_credentials (user_id, email, verifier, failed_attempts, locked_until, disabled_at, updated_at)
     VALUES (?, ?, ?, 0, NULL, NULL, ?)
     ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, verifier = excluded.verifier, failed_attempts = 0,
       locked_until = NULL, disabled_at = NULL, updated_at = excluded.updated_at`,
  ).run(credential.userId, credential.email, credential.verifier, credential.at);
}

export function saveOfflineFailure(db: Db, userId: string, failedAttempts: number, lockedUntil: string | null): void {
  prepared(db, 'UPDATE offline_credentials SET failed_attempts = ?, locked_until = ? WHERE user_id = ?').run(failedAttempts, lockedUntil, userId);
}

export function clearOfflineFailures(db: Db, userId: string): void {
  prepared(db, 'UPDATE offline_credentials SET failed_attempts = 0, locked_until = NULL WHERE user_id = ?').run(userId);
}

/** The server said this account is no longer active: it may not sign in here offline any more. */
export function markOfflineCredentialDisabled(db: Db, userId: string, at: string): void {
  prepared(db, 'UPDATE offline_credentials SET disabled_at = ? WHERE user_id = ? AND disabled_at IS NULL').run(at, userId);
}

export function saveIdleLockMinutes(db: Db, minutes: number, at: string): void {
  prepared(
    db,
    `INSERT INTO tenant_policy (id, idle_lock_minutes, received_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET idle_lock_minutes = excluded.idle_lock_minutes, received_at = excluded.received_at`,
  ).run(minutes, at);
}

export function insertBreakGlassReason(
  db: Db,
  grant: { auditEventId: string; userId: string; patientId: string; category: string; reason: string; grantedAt: string },
): void {
  prepared(
    db,
    'INSERT INTO break_glass_reasons (audit_event_id, user_id, patient_id, category, reason, granted_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(grant.auditEventId, grant.userId, grant.patientId, grant.category, grant.reason, grant.grantedAt);
}
