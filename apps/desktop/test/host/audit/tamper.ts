import { appendToDeviceChain, deviceHeadOf, formatHlc, uuidv7, type ChainHead, type DeviceAuditEvent, type DeviceChainEntry } from '@eonpro/core';
import { appendAuditEvents, type AuditFacts } from '../../../src/host/audit/appendAuditEvent.ts';
import { readAuditEntries } from '../../../src/host/audit/auditRows.ts';
import { sha256Hex } from '../../../src/host/audit/sha256Hex.ts';
import type { Db } from '../../../src/host/db/openDatabase.ts';
import type { LocalStore } from '../../../src/host/local/localStore.ts';

/** A day's work at a workstation, as audit facts: searches, chart views, changes. Ids only. */
export function recordWorkday(store: LocalStore, count: number): DeviceChainEntry[] {
  const patientId = uuidv7();
  const facts: AuditFacts[] = Array.from({ length: count }, (_, n): AuditFacts => {
    switch (n % 3) {
      case 0:
        return { action: 'search', detail: { kind: 'name', tokens: 2, results: n % 7 } };
      case 1:
        return { action: 'view', patientId };
      default:
        return { action: 'update', patientId, entity: 'patient', recordId: patientId, recordRev: formatHlc({ wallMs: 1_733_241_600_000 + n, counter: 0, node: store.deviceId }), detail: { fieldCount: 1 } };
    }
  });
  return appendAuditEvents(store, { userId: uuidv7(), role: 'nurse' }, facts);
}

/**
 * Someone holding the database key goes around the app: the append-only triggers are dropped first, as they would
 * drop them, then the SQL runs on the file.
 */
export function tamper(db: Db, sql: string, ...params: unknown[]): void {
  db.exec(`
    DROP TRIGGER IF EXISTS audit_entries_append_only_update;
    DROP TRIGGER IF EXISTS audit_entries_append_only_delete;
    DROP TRIGGER IF EXISTS audit_head_forward_only;
  `);
  db.prepare(sql).run(...params);
}

export function allEntries(db: Db): DeviceChainEntry[] {
  return readAuditEntries(db, 0, Number.MAX_SAFE_INTEGER);
}

/** Entries that link correctly after `head`, made up by someone who knows how the chain is hashed (no secret is needed). */
export function forgeEntries(head: ChainHead, template: DeviceAuditEvent, count: number): DeviceChainEntry[] {
  const forged: DeviceChainEntry[] = [];
  for (let n = 0; n < count; n++) {
    const entry = appendToDeviceChain(head, { ...template, id: uuidv7(), action: 'view', detail: {} }, sha256Hex);
    forged.push(entry);
    head = deviceHeadOf(entry);
  }
  return forged;
}

/** Writes entries straight into the table, leaving the heads beside it as they are. */
export function insertRaw(db: Db, entries: readonly DeviceChainEntry[]): void {
  const insert = db.prepare(
    `INSERT INTO audit_entries (device_seq, device_prev_hash, device_hash, event_id, tenant_id, occurred_at, user_id, role,
       device_id, workstation, patient_id, action, outcome, entity, record_id, record_rev, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const { deviceSeq, devicePrevHash, deviceHash, event: e } of entries) {
    insert.run(deviceSeq, devicePrevHash, deviceHash, e.id, e.tenantId, e.occurredAt, e.actor.userId, e.actor.role, e.device.deviceId,
      e.device.workstation, e.patientId, e.action, e.outcome, e.entity, e.recordId, e.recordRev, JSON.stringify(e.detail));
  }
}
