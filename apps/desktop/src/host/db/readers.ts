import type { EntityName, Hlc } from '@eonpro/core';
import type { Db } from './openDatabase.ts';
import type { OutboxEntry } from './outboxEntry.ts';
import { columnsOf, PATIENT_SUMMARY_COLUMNS, rowToRecord, toPatientSummary, type PatientSummary, type Row, type StoredRecord } from './records.ts';
import { prepared } from './statements.ts';

/** Every query that only reads. SQL lives here and in writers.ts, nowhere else. */

export interface SyncStateRow {
  deviceId: string;
  tenantId: string | null;
  cursor: number;
  lastSeq: number;
  hlc: Hlc | null;
  lastSuccessAt: string | null;
  lastError: string | null;
}

export interface LocalUserRow {
  id: string;
  tenantId: string;
  tenantName: string;
  name: string;
  email: string;
  role: string;
  lastSignedInAt: string;
}

export function readSyncState(db: Db): SyncStateRow | null {
  const row = prepared(db, 'SELECT * FROM sync_state WHERE id = 1').get() as Row | undefined;
  if (!row) return null;
  return {
    deviceId: row.device_id as string,
    tenantId: row.tenant_id as string | null,
    cursor: row.cursor as number,
    lastSeq: row.last_seq as number,
    hlc: row.hlc as Hlc | null,
    lastSuccessAt: row.last_success_at as string | null,
    lastError: row.last_error as string | null,
  };
}

export function readRecord(db: Db, entity: EntityName, id: string): StoredRecord | null {
  const row = prepared(db, `SELECT * FROM ${columnsOf(entity).table} WHERE id = ?`).get(id) as Row | undefined;
  return row ? rowToRecord(entity, row) : null;
}

export function readPatientIdBySourceId(db: Db, sourceId: string): string | null {
  const row = prepared(db, 'SELECT id FROM patients WHERE source_id = ? LIMIT 1').get(sourceId) as { id: string } | undefined;
  return row?.id ?? null;
}

export function readPatientsByMrn(db: Db, mrn: string, limit: number): PatientSummary[] {
  return (prepared(
    db,
    `SELECT ${PATIENT_SUMMARY_COLUMNS} FROM patients AS p
     WHERE p.mrn = ? COLLATE NOCASE AND p.deleted = 0 ORDER BY p.family_name, p.given_name LIMIT ?`,
  ).all(mrn, limit) as Row[]).map((row) => toPatientSummary(row));
}

export function readPatientsByBirthDate(db: Db, birthDate: string, limit: number): PatientSummary[] {
  return (prepared(
    db,
    `SELECT ${PATIENT_SUMMARY_COLUMNS} FROM patients AS p
     WHERE p.birth_date = ? AND p.deleted = 0 ORDER BY p.family_name, p.given_name LIMIT ?`,
  ).all(birthDate, limit) as Row[]).map((row) => toPatientSummary(row));
}

/** Patients sharing the most name trigrams with the query, best first. */
export function readPatientSearchCandidates(db: Db, grams: string[], limit: number): PatientSummary[] {
  return (prepared(
    db,
    `SELECT ${PATIENT_SUMMARY_COLUMNS} FROM (
       SELECT patient_id, count(*) AS hits FROM patient_search
       WHERE gram IN (SELECT value FROM json_each(?))
       GROUP BY patient_id ORDER BY hits DESC LIMIT ?
     ) AS c JOIN patients AS p ON p.id = c.patient_id
     WHERE p.deleted = 0
     ORDER BY c.hits DESC`,
  ).all(JSON.stringify(grams), limit) as Row[]).map((row) => toPatientSummary(row));
}

/** A patient's entries of one kind that no other entry amends (entered-in-error ones included; callers decide). */
export function readUnamendedEntries(db: Db, entity: EntityName, patientId: string): StoredRecord[] {
  const { table } = columnsOf(entity);
  const rows = prepared(
    db,
    `SELECT * FROM ${table} AS e
     WHERE e.patient_id = ? AND e.deleted = 0
       AND NOT EXISTS (SELECT 1 FROM ${table} AS a WHERE a.amends_id = e.id AND a.deleted = 0)
     ORDER BY e.id`,
  ).all(patientId) as Row[];
  return rows.map((row) => rowToRecord(entity, row));
}

/** The id of an entry that amends this one, if any. */
export function readAmendingEntryId(db: Db, entity: EntityName, id: string): string | null {
  const row = prepared(db, `SELECT id FROM ${columnsOf(entity).table} WHERE amends_id = ? AND deleted = 0 LIMIT 1`).get(id) as
    | { id: string }
    | undefined;
  return row?.id ?? null;
}

export function readPendingOutbox(db: Db, limit: number): OutboxEntry[] {
  const rows = prepared(db, `SELECT * FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?`).all(limit) as Row[];
  return rows.map(rowToOutboxEntry);
}

export function readRejectedOutbox(db: Db): OutboxEntry[] {
  const rows = prepared(db, `SELECT * FROM outbox WHERE status = 'rejected' ORDER BY seq`).all() as Row[];
  return rows.map(rowToOutboxEntry);
}

export function countPendingOutbox(db: Db): number {
  return (prepared(db, `SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number }).n;
}

/** Every change the clinic has not accepted yet: waiting to be sent or sent back (rejected). */
export function countUnsentOutbox(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}

export function readOutboxEntry(db: Db, mutationId: string): OutboxEntry | null {
  const row = prepared(db, 'SELECT * FROM outbox WHERE mutation_id = ?').get(mutationId) as Row | undefined;
  return row ? rowToOutboxEntry(row) : null;
}

/** Every outbox entry (pending or rejected) for one record, oldest first. */
export function readOutboxForRecord(db: Db, entity: EntityName, recordId: string): OutboxEntry[] {
  const rows = prepared(db, 'SELECT * FROM outbox WHERE entity = ? AND record_id = ? ORDER BY seq').all(entity, recordId) as Row[];
  return rows.map(rowToOutboxEntry);
}

/** The server's last known state of a record with outbox entries: undefined when none is kept, null when the server has none. */
export function readBaseline(db: Db, entity: EntityName, recordId: string): StoredRecord | null | undefined {
  const row = prepared(db, 'SELECT server_state FROM record_baselines WHERE entity = ? AND record_id = ?').get(entity, recordId) as
    | { server_state: string | null }
    | undefined;
  if (!row) return undefined;
  return row.server_state === null ? null : (JSON.parse(row.server_state) as StoredRecord);
}

export function readMostRecentLocalUser(db: Db): LocalUserRow | null {
  const row = prepared(db, 'SELECT * FROM local_users ORDER BY last_signed_in_at DESC LIMIT 1').get() as Row | undefined;
  return row ? rowToLocalUser(row) : null;
}

function rowToLocalUser(row: Row): LocalUserRow {
  return {
    id: row.id as string,
    tenantId: row.tenant_id as string,
    tenantName: row.tenant_name as string,
    name: row.name as string,
    email: row.email as string,
    role: row.role as string,
    lastSignedInAt: row.last_signed_in_at as string,
  };
}

function rowToOutboxEntry(row: Row): OutboxEntry {
  return {
    seq: row.seq as number,
    mutationId: row.mutation_id as string,
    schemaVersion: row.schema_version as number,
    entity: row.entity as EntityName,
    recordId: row.record_id as string,
    op: row.op as OutboxEntry['op'],
    fields: JSON.parse(row.fields as string) as Record<string, unknown>,
    fieldRevs: JSON.parse(row.field_revs as string) as Record<string, Hlc>,
    baseRev: row.base_rev as Hlc | null,
    madeAt: row.made_at as string,
    userId: (row.user_id as string | null) ?? null,
    status: row.status as OutboxEntry['status'],
    rejection:
      row.status === 'rejected'
        ? {
            code: row.reject_code as NonNullable<OutboxEntry['rejection']>['code'],
            message: row.reject_message as string,
            path: row.reject_path as string | null,
          }
        : null,
  };
}

export interface OfflineCredentialRow {
  userId: string;
  email: string;
  verifier: string;
  failedAttempts: number;
  lockedUntil: string | null;
  disabledAt: string | null;
}

/** The offline sign-in verifier of the user with this (normalised) email, if they signed in online here. */
export function readOfflineCredentialByEmail(db: Db, email: string): OfflineCredentialRow | null {
  const row = prepared(db, 'SELECT * FROM offline_credentials WHERE email = ?').get(email) as Row | undefined;
  return row ? rowToOfflineCredential(row) : null;
}

export function readOfflineCredential(db: Db, userId: string): OfflineCredentialRow | null {
  const row = prepared(db, 'SELECT * FROM offline_credentials WHERE user_id = ?').get(userId) as Row | undefined;
  return row ? rowToOfflineCredential(row) : null;
}

/** The clinic's idle-lock minutes as the server last sent them; null before it has. */
export function readIdleLockMinutes(db: Db): number | null {
  const row = prepared(db, 'SELECT idle_lock_minutes FROM tenant_policy WHERE id = 1').get() as { idle_lock_minutes: number } | undefined;
  return row?.idle_lock_minutes ?? null;
}

export function readBreakGlassReason(db: Db, auditEventId: string): { category: string; reason: string } | null {
  const row = prepared(db, 'SELECT category, reason FROM break_glass_reasons WHERE audit_event_id = ?').get(auditEventId) as
    | { category: string; reason: string }
    | undefined;
  return row ?? null;
}

function rowToOfflineCredential(row: Row): OfflineCredentialRow {
  return {
    userId: row.user_id as string,
    email: row.email as string,
    verifier: row.verifier as string,
    failedAttempts: row.failed_attempts as number,
    lockedUntil: row.locked_until as string | null,
    disabledAt: row.disabled_at as string | null,
  };
}

export function readLocalUser(db: Db, userId: string): LocalUserRow | null {
  const row = prepared(db, 'SELECT * FROM local_users WHERE id = ?').get(userId) as Row | undefined;
  return row ? rowToLocalUser(row) : null;
}

/** Whether a patient on this workstation is restricted (break-glass to open); null when there is no such patient. */
export function readPatientRestricted(db: Db, patientId: string): boolean | null {
  const row = prepared(db, 'SELECT restricted FROM patients WHERE id = ? AND deleted = 0').get(patientId) as { restricted: number } | undefined;
  return row ? row.restricted === 1 : null;
}

/** The patient an entry of a clinical entity belongs to; null when there is no such entry. */
export function readEntryPatientId(db: Db, entity: Exclude<EntityName, 'patient'>, id: string): string | null {
  const row = prepared(db, `SELECT patient_id FROM ${columnsOf(entity).table} WHERE id = ?`).get(id) as { patient_id: string } | undefined;
  return row?.patient_id ?? null;
}
