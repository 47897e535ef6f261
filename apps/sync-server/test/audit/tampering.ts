import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, it } from 'node:test';
import { appendToChain, chainHeadOf, checkpointPayload, deviceHeadOf, uuidv7, type AuditChainEntry } from '@eonpro/core';
import { storeEntries } from '../../src/audit/auditChainStore.ts';
import type { AuditVerification } from '../../src/audit/auditVerification.ts';
import { sha256Hex } from '../../src/audit/chainHash.ts';
import { checkpointTenant } from '../../src/audit/checkpointTenant.ts';
import { intakeDeviceEntries } from '../../src/audit/intakeDeviceEntries.ts';
import { toAuditEvent } from '../../src/audit/recordAuditEvent.ts';
import type { Transaction } from '../../src/db/database.ts';
import type { ServerServices } from '../../src/services.ts';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import type { SuiteContext } from '../suites/suiteContext.ts';
import { TestClinic } from '../support/testServer.ts';
import { deviceEntries, readChain, recordEvents, tamperAsOwner, verifyTenant as verifyStoredTenant, viewEvent } from './auditFixtures.ts';

/**
 * A trail of 20 entries: 1–2 server events, 3–5 a workstation's entries, 6–7 server events, 8 a checkpoint,
 * 9–11 server events, 12 the workstation again, 13 a checkpoint, 14–20 server events.
 */
interface Trail {
  tenantId: string;
  /** Event ids by seq - 1. */
  ids: string[];
}

async function buildTrail(services: ServerServices): Promise<Trail> {
  const { tenantId } = await TestClinic.create(services);
  const deviceId = uuidv7();
  const sender = { tenantId, deviceId };
  const firstDeviceEntries = deviceEntries(tenantId, deviceId, 3);
  await recordEvents(services, tenantId, 2);
  await withTenant(services.db, tenantId, (tx) => intakeDeviceEntries(tx, sender, firstDeviceEntries));
  await recordEvents(services, tenantId, 2);
  await checkpointTenant(services, tenantId, null);
  await recordEvents(services, tenantId, 3);
  const next = deviceEntries(tenantId, deviceId, 1, { start: deviceHeadOf(firstDeviceEntries.at(-1)!) });
  await withTenant(services.db, tenantId, (tx) => intakeDeviceEntries(tx, sender, next));
  await checkpointTenant(services, tenantId, null);
  await recordEvents(services, tenantId, 7);
  const chain = await readChain(services, tenantId);
  return { tenantId, ids: chain.map((entry) => entry.event.id) };
}

function assertBroken(result: AuditVerification, expected: { reason: string; seq: number; entryId: string | null; checkpointSeq?: number }): void {
  assert.equal(result.ok, false, 'the tampering went unnoticed');
  if (result.ok) return;
  assert.equal(result.reason, expected.reason, result.message);
  assert.equal(result.seq, expected.seq, result.message);
  assert.equal(result.entryId, expected.entryId);
  if (expected.checkpointSeq !== undefined) assert.equal(result.checkpointSeq, expected.checkpointSeq);
  assert.match(result.message, /\d/);
}

/** Replaces the entries from `fromSeq` on with new ones whose links all hold, and moves the recorded head to match. */
async function forgeTail(tx: Transaction, trail: Trail, fromSeq: number, count: number): Promise<AuditChainEntry[]> {
  const [before] = await tx.query<{ entry_hash: string }>('select entry_hash from audit_log where seq = $1 and tenant_id = app_current_tenant()', [fromSeq - 1]);
  await tx.query('delete from audit_log where seq >= $1 and tenant_id = app_current_tenant()', [fromSeq]);
  let head = { seq: fromSeq - 1, hash: before!.entry_hash };
  const forged: AuditChainEntry[] = [];
  for (let i = 0; i < count; i++) {
    const entry = appendToChain(head, toAuditEvent(viewEvent(trail.tenantId), new Date().toISOString()), sha256Hex);
    forged.push(entry);
    head = chainHeadOf(entry);
  }
  await storeEntries(tx, forged);
  return forged;
}

/** The verifier hashes a long chain on worker threads: every tampering is checked both ways. */
const hashing = [
  { where: 'in the verifying thread', parallelFrom: Infinity },
  { where: 'on worker threads', parallelFrom: 0 },
];

export function tamperingTests({ services }: SuiteContext): void {
  for (const { where, parallelFrom } of hashing) {
    describe(`audit trail tampering (hashes checked ${where})`, () => {
      const verifyTenant = (held: ServerServices, tenantId: string, pageSize?: number) =>
        verifyStoredTenant(held, tenantId, pageSize, parallelFrom);

      it('finds an intact trail intact, vouched for by its last checkpoint, with its workstation chain', async () => {
        const trail = await buildTrail(services());
        const result = await verifyTenant(services(), trail.tenantId);
        assert.deepEqual({ ...result, head: undefined }, { ok: true, length: 20, head: undefined, vouchedThrough: 13, checkpoints: 2, devices: 1 });
      });

      it('detects an edited field and names its entry', async () => {
        const trail = await buildTrail(services());
        await tamperAsOwner(services(), trail.tenantId, (tx) =>
          tx.query(`update audit_log set event = jsonb_set(event, '{actor,userId}', to_jsonb($1::text)) where seq = 4 and tenant_id = app_current_tenant()`, [uuidv7()]),
        );
        assertBroken(await verifyTenant(services(), trail.tenantId), { reason: 'hash-mismatch', seq: 4, entryId: trail.ids[3]! });
      });

      it("detects an edited device link and names its entry", async () => {
        const trail = await buildTrail(services());
        await tamperAsOwner(services(), trail.tenantId, (tx) => tx.query(`update audit_log set device_hash = repeat('a', 64) where seq = 12 and tenant_id = app_current_tenant()`));
        assertBroken(await verifyTenant(services(), trail.tenantId), { reason: 'hash-mismatch', seq: 12, entryId: trail.ids[11]! });
      });

      it('detects a deleted row and names the missing entry', async () => {
        const trail = await buildTrail(services());
        await tamperAsOwner(services(), trail.tenantId, (tx) => tx.query('delete from audit_log where seq = 10 and tenant_id = app_current_tenant()'));
        assertBroken(await verifyTenant(services(), trail.tenantId), { reason: 'sequence-gap', seq: 10, entryId: trail.ids[10]! });
      });

      it('detects two reordered rows and names the first', async () => {
        const trail = await buildTrail(services());
        await tamperAsOwner(services(), trail.tenantId, async (tx) => {
          await tx.query('update audit_log set seq = 1000 where seq = 15 and tenant_id = app_current_tenant()');
          await tx.query('update audit_log set seq = 15 where seq = 16 and tenant_id = app_current_tenant()');
          await tx.query('update audit_log set seq = 16 where seq = 1000 and tenant_id = app_current_tenant()');
        });
        assertBroken(await verifyTenant(services(), trail.tenantId), { reason: 'prev-mismatch', seq: 15, entryId: trail.ids[15]! });
      });

      it('detects a truncated tail by the recorded chain head', async () => {
        const trail = await buildTrail(services());
        await tamperAsOwner(services(), trail.tenantId, (tx) => tx.query('delete from audit_log where seq >= 18 and tenant_id = app_current_tenant()'));
        assertBroken(await verifyTenant(services(), trail.tenantId), { reason: 'truncated', seq: 18, entryId: null });
      });

      it('detects a truncated tail by a checkpoint when the recorded head was moved back too', async () => {
        const trail = await buildTrail(services());
        await tamperAsOwner(services(), trail.tenantId, async (tx) => {
          await tx.query('delete from audit_log where seq >= 11 and tenant_id = app_current_tenant()');
          await tx.query(`update audit_chain_heads set seq = 10, head_hash = (select entry_hash from audit_log where seq = 10 and tenant_id = app_current_tenant())
           where tenant_id = app_current_tenant()`);
        });
        assertBroken(await verifyTenant(services(), trail.tenantId), { reason: 'truncated', seq: 11, entryId: null, checkpointSeq: 13 });
      });

      for (const pageSize of [5000, 5]) {
        it(`detects a forged tail with valid links by the checkpoint it contradicts (pages of ${pageSize})`, async () => {
          const trail = await buildTrail(services());
          const forged = await tamperAsOwner(services(), trail.tenantId, (tx) => forgeTail(tx, trail, 9, 12));
          assertBroken(await verifyTenant(services(), trail.tenantId, pageSize), {
            reason: 'checkpoint-mismatch',
            seq: 9,
            entryId: forged[0]!.event.id,
            checkpointSeq: 13,
          });
        });
      }

      it('detects a checkpoint forged to match a forged tail', async () => {
        const trail = await buildTrail(services());
        const forged = await tamperAsOwner(services(), trail.tenantId, async (tx) => {
          const tail = await forgeTail(tx, trail, 9, 12);
          await tx.query('alter table audit_checkpoints disable trigger audit_checkpoints_append_only');
          const [checkpoint] = await tx.query<{ key_id: string; signed_at: string }>('select key_id, signed_at from audit_checkpoints where seq = 13 and tenant_id = app_current_tenant()');
          await tx.query('delete from audit_checkpoints where seq = 13 and tenant_id = app_current_tenant()');
          const fake = { tenantId: trail.tenantId, seq: 13, headHash: tail[4]!.entryHash, signedAt: checkpoint!.signed_at, keyId: checkpoint!.key_id };
          const signature = sign(null, checkpointPayload(fake), generateKeyPairSync('ed25519').privateKey).toString('base64url');
          await tx.query('insert into audit_checkpoints (tenant_id, seq, head_hash, signed_at, key_id, signature) values ($1, 13, $2, $3, $4, $5)', [
            trail.tenantId, fake.headHash, fake.signedAt, fake.keyId, signature,
          ]);
          await tx.query('alter table audit_checkpoints enable trigger audit_checkpoints_append_only');
          return tail;
        });
        assertBroken(await verifyTenant(services(), trail.tenantId), {
          reason: 'checkpoint-signature-invalid',
          seq: 9,
          entryId: forged[0]!.event.id,
          checkpointSeq: 13,
        });
      });
    });
  }
}
