import { randomUUID } from 'node:crypto';
import { appendToDeviceChain, deviceHeadOf, genesisHead, uuidv7, type AuditChainEntry, type ChainHead, type DeviceChainEntry } from '@eonpro/core';
import { readEntries } from '../../src/audit/auditChainStore.ts';
import type { AuditVerification } from '../../src/audit/auditVerification.ts';
import { sha256Hex } from '../../src/audit/chainHash.ts';
import { checkpointVerifier, loadPublicKeys } from '../../src/audit/checkpointSignature.ts';
import { recordAuditEvents, type ServerAuditInput } from '../../src/audit/recordAuditEvent.ts';
import { withTenantSnapshot } from '../../src/audit/tenantSnapshot.ts';
import { verifyTenantChain } from '../../src/audit/verifyTenantChain.ts';
import type { Transaction } from '../../src/db/database.ts';
import type { ServerServices } from '../../src/services.ts';
import { withTenant } from '../../src/tenancy/tenantScope.ts';

/** A server-side event: a user viewing a patient's chart. */
export function viewEvent(tenantId: string, overrides: Partial<ServerAuditInput> = {}): ServerAuditInput {
  return {
    tenantId,
    actor: { userId: randomUUID(), role: 'nurse' },
    device: { deviceId: randomUUID(), workstation: null },
    patientId: randomUUID(),
    action: 'view',
    outcome: 'success',
    ...overrides,
  };
}

export async function recordEvents(services: ServerServices, tenantId: string, count: number, overrides: Partial<ServerAuditInput> = {}): Promise<void> {
  const events = Array.from({ length: count }, () => viewEvent(tenantId, overrides));
  await withTenant(services.db, tenantId, (tx) => recordAuditEvents(tx, events));
}

/** A workstation's own chain, as its host writes it: `count` entries after `start` (default: its first). */
export function deviceEntries(
  tenantId: string,
  deviceId: string,
  count: number,
  { start = genesisHead, workstation = 'Front desk PC' }: { start?: ChainHead; workstation?: string } = {},
): DeviceChainEntry[] {
  const entries: DeviceChainEntry[] = [];
  let head = start;
  for (let i = 0; i < count; i++) {
    const entry = appendToDeviceChain(
      head,
      {
        id: uuidv7(),
        tenantId,
        // Recorded offline an hour ago: the entry keeps its real time.
        occurredAt: new Date(Date.now() - 3_600_000 + i).toISOString(),
        actor: { userId: randomUUID(), role: 'front_desk' },
        device: { deviceId, workstation },
        patientId: randomUUID(),
        action: 'view',
        outcome: 'success',
        entity: null,
        recordId: null,
        recordRev: null,
        detail: {},
      },
      sha256Hex,
    );
    entries.push(entry);
    head = deviceHeadOf(entry);
  }
  return entries;
}

/** The tenant's whole chain as stored. */
export function readChain(services: ServerServices, tenantId: string): Promise<AuditChainEntry[]> {
  return withTenant(services.db, tenantId, (tx) => readEntries(tx, 0, 1_000_000));
}

/** `parallelFrom`: the chain length from which hashes are checked on worker threads (0: always). */
export async function verifyTenant(services: ServerServices, tenantId: string, pageSize?: number, parallelFrom?: number): Promise<AuditVerification> {
  const verifySignature = checkpointVerifier(await loadPublicKeys(services.db));
  return withTenantSnapshot(services.db, tenantId, (tx) => verifyTenantChain(tx, verifySignature, pageSize, parallelFrom));
}

/**
 * Runs fn as the schema owner with the append-only trigger switched off, the way someone with the database's keys
 * could rewrite the trail. The tenant is set for row-level security, but a superuser (PGlite's connection) is not
 * held by it: every statement must name `tenant_id = app_current_tenant()` itself.
 */
export function tamperAsOwner<T>(services: ServerServices, tenantId: string, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return services.db.transaction(async (tx) => {
    await tx.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    await tx.query('alter table audit_log disable trigger audit_log_append_only');
    const result = await fn(tx);
    await tx.query('alter table audit_log enable trigger audit_log_append_only');
    return result;
  });
}
