import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkpointSignatureHolds } from '@eonpro/core';
import { pino } from 'pino';
import { scheduleCheckpoints } from '../../src/audit/checkpointSchedule.ts';
import { checkpointVerifier, loadPublicKeys } from '../../src/audit/checkpointSignature.ts';
import { checkpointTenant } from '../../src/audit/checkpointTenant.ts';
import { readCheckpoints } from '../../src/audit/checkpointStore.ts';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { rejectsWithCode } from '../support/assertions.ts';
import { TestClinic } from '../support/testServer.ts';
import type { SuiteContext } from '../suites/suiteContext.ts';
import { readChain, recordEvents, tamperAsOwner } from './auditFixtures.ts';

export function checkpointTests({ services }: SuiteContext): void {
  const checkpointsOf = (tenantId: string) => withTenant(services().db, tenantId, (tx) => readCheckpoints(tx));

  describe('audit checkpoints', () => {
    it("signs the chain head on an admin's request, as the last entry it covers, with the server's key", async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      await recordEvents(services(), clinic.tenantId, 3);
      const checkpoint = await admin.caller.audit.checkpoint({});
      const chain = await readChain(services(), clinic.tenantId);
      const last = chain.at(-1)!;
      assert.deepEqual([checkpoint?.seq, checkpoint?.headHash, checkpoint?.tenantId], [last.seq, last.entryHash, clinic.tenantId]);
      assert.deepEqual([last.event.action, last.event.actor.userId, last.event.detail], ['audit-checkpoint', admin.session.user.id, { trigger: 'request' }]);
      assert.ok(checkpointSignatureHolds(checkpoint!, checkpointVerifier(await loadPublicKeys(services().db))));
      assert.deepEqual(await checkpointsOf(clinic.tenantId), [checkpoint]);
    });

    it('signs on schedule only the tenants whose chain moved since their last checkpoint', async () => {
      const [moved, quiet, empty] = [await TestClinic.create(services()), await TestClinic.create(services()), await TestClinic.create(services())];
      await recordEvents(services(), quiet.tenantId, 2);
      await checkpointTenant(services(), quiet.tenantId, null);
      await recordEvents(services(), moved.tenantId, 2);
      const schedule = scheduleCheckpoints({ ...services(), log: pino({ level: 'silent' }) }, 3_600_000);
      try {
        await schedule.runOnce();
        await schedule.runOnce();
      } finally {
        await schedule.stop();
      }
      assert.deepEqual((await checkpointsOf(moved.tenantId)).map((checkpoint) => checkpoint.seq), [3]);
      assert.deepEqual((await checkpointsOf(quiet.tenantId)).map((checkpoint) => checkpoint.seq), [3]);
      assert.deepEqual(await checkpointsOf(empty.tenantId), []);
    });

    it('signs nothing for a chain that does not verify since its last checkpoint', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      await recordEvents(services(), clinic.tenantId, 3);
      await tamperAsOwner(services(), clinic.tenantId, (tx) => tx.query(`update audit_log set event = jsonb_set(event, '{outcome}', '"failure"') where seq = 2 and tenant_id = app_current_tenant()`));
      const error = await rejectsWithCode(admin.caller.audit.checkpoint({}), 'CONFLICT');
      assert.match(error.message, /entry 2/);
      assert.deepEqual(await checkpointsOf(clinic.tenantId), []);
    });

    it('verifies through audit.verify for admins and auditors, and records the verification', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const auditor = await clinic.device(await clinic.addUser('auditor'));
      // Everything so far (the workstations registered and approved, the sign-ins) and the checkpoint's own entry.
      const length = (await readChain(services(), clinic.tenantId)).length + 1;
      await admin.caller.audit.checkpoint({});
      const byAdmin = await admin.caller.audit.verify({});
      assert.deepEqual([byAdmin.ok, byAdmin.ok && byAdmin.vouchedThrough], [true, length]);
      await tamperAsOwner(services(), clinic.tenantId, (tx) => tx.query('delete from audit_log where seq = 2 and tenant_id = app_current_tenant()'));
      const byAuditor = await auditor.caller.audit.verify({});
      assert.deepEqual(byAuditor.ok ? null : [byAuditor.reason, byAuditor.seq], ['sequence-gap', 2]);
      const verifications = (await readChain(services(), clinic.tenantId)).filter((entry) => entry.event.action === 'audit-verify');
      assert.deepEqual(verifications.map((entry) => entry.event.detail), [
        { procedure: 'audit.verify', intact: true, length },
        { procedure: 'audit.verify', intact: false, brokenAt: 2, reason: 'sequence-gap' },
      ]);
    });
  });
}
