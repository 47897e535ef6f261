import { GENESIS_HASH, type ChainHead, type DeviceChainEntry, type DeviceAuditEvent } from '@eonpro/core';
import type { Db } from '../db/openDatabase.ts';
import type { Row } from '../db/records.ts';
import { prepared } from '../db/statements.ts';

/** Every statement on the audit tables (migration 0002). Callers wrap related writes in one transaction. */

export interface AuditHeads {
  /** The last entry recorded on this workstation. */
  recorded: ChainHead;
  /** The last entry the server acknowledged; everything after it is still to be sent. */
  acknowledged: ChainHead;
}

export function readAuditHeads(db: Db): AuditHeads {
  const row = prepared(db, 'SELECT * FROM audit_head WHERE id = 1').get() as Row;
  return {
    recorded: { seq: row.recorded_seq as number, hash: row.recorded_hash as string },
    acknowledged: { seq: row.acknowledged_seq as number, hash: row.acknowledged_hash as string },
  };
}

export function readRecordedHead(db: Db): ChainHead {
  const row = prepared(db, 'SELECT recorded_seq AS seq, recorded_hash AS hash FROM audit_head WHERE id = 1').get() as ChainHead;
  return { seq: row.seq, hash: row.hash };
}

/** Adds entries that continue the chain, in order, and makes the last one the recorded head. */
export function insertAuditEntries(db: Db, entries: readonly DeviceChainEntry[]): void {
  const last = entries.at(-1);
  if (!last) return;
  const insert = prepared(
    db,
    `INSERT INTO audit_entries (device_seq, device_prev_hash, device_hash, event_id, tenant_id, occurred_at, user_id, role,
       device_id, workstation, patient_id, action, outcome, entity, record_id, record_rev, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const { deviceSeq, devicePrevHash, deviceHash, event } of entries) {
    insert.run(
      deviceSeq,
      devicePrevHash,
      deviceHash,
      event.id,
      event.tenantId,
      event.occurredAt,
      event.actor.userId,
      event.actor.role,
      event.device.deviceId,
      event.device.workstation,
      event.patientId,
      event.action,
      event.outcome,
      event.entity,
      event.recordId,
      event.recordRev,
      JSON.stringify(event.detail),
    );
  }
  prepared(db, 'UPDATE audit_head SET recorded_seq = ?, recorded_hash = ? WHERE id = 1').run(last.deviceSeq, last.deviceHash);
}

export function saveAcknowledgedHead(db: Db, head: ChainHead): void {
  prepared(db, 'UPDATE audit_head SET acknowledged_seq = ?, acknowledged_hash = ? WHERE id = 1').run(head.seq, head.hash);
}

/** Entries after `afterSeq`, in device-seq order. */
export function readAuditEntries(db: Db, afterSeq: number, limit: number): DeviceChainEntry[] {
  const rows = prepared(db, 'SELECT * FROM audit_entries WHERE device_seq > ? ORDER BY device_seq LIMIT ?').all(afterSeq, limit) as Row[];
  return rows.map(rowToEntry);
}

export function countUnsentAuditEntries(db: Db): number {
  return (
    prepared(db, 'SELECT count(*) AS n FROM audit_entries WHERE device_seq > (SELECT acknowledged_seq FROM audit_head WHERE id = 1)').get() as {
      n: number;
    }
  ).n;
}

/** The tenant the workstation belongs to (bound at its first sign-in), or null before that. */
export function readBoundTenant(db: Db): string | null {
  const row = prepared(db, 'SELECT tenant_id FROM sync_state WHERE id = 1').get() as { tenant_id: string | null } | undefined;
  return row?.tenant_id ?? null;
}

/**
 * The entry as it was recorded, read back from its columns. A detail that no longer parses is kept as its text, so
 * the entry fails its hash check (and is named) instead of stopping the read.
 */
function rowToEntry(row: Row): DeviceChainEntry {
  const event: DeviceAuditEvent = {
    id: row.event_id as string,
    tenantId: row.tenant_id as string,
    occurredAt: row.occurred_at as string,
    actor: { userId: row.user_id as string | null, role: row.role as DeviceAuditEvent['actor']['role'] },
    device: { deviceId: row.device_id as string, workstation: row.workstation as string },
    patientId: row.patient_id as string | null,
    action: row.action as DeviceAuditEvent['action'],
    outcome: row.outcome as DeviceAuditEvent['outcome'],
    entity: row.entity as string | null,
    recordId: row.record_id as string | null,
    recordRev: row.record_rev as DeviceAuditEvent['recordRev'],
    detail: parseDetail(row.detail as string),
  };
  return {
    deviceSeq: row.device_seq as number,
    devicePrevHash: row.device_prev_hash as string,
    deviceHash: row.device_hash as string,
    event,
  };
}

function parseDetail(text: string): DeviceAuditEvent['detail'] {
  try {
    return JSON.parse(text) as DeviceAuditEvent['detail'];
  } catch {
    return text as unknown as DeviceAuditEvent['detail'];
  }
}

/** The hash of the entry at `seq` (the genesis hash for 0), or null when no such entry is stored. */
export function readAuditEntryHash(db: Db, seq: number): string | null {
  if (seq === 0) return GENESIS_HASH;
  const row = prepared(db, 'SELECT device_hash FROM audit_entries WHERE device_seq = ?').get(seq) as { device_hash: string } | undefined;
  return row?.device_hash ?? null;
}
