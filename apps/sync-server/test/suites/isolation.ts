import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APP_ROLE, enterTenant } from '../../src/tenancy/tenantScope.ts';
import { assertApplied, assertRejected } from '../support/assertions.ts';
import { allergyFields, patientFields, TestClinic } from '../support/testServer.ts';
import type { SuiteContext } from './suiteContext.ts';

export function isolationTests({ services }: SuiteContext): void {
  describe('tenant isolation', () => {
    it("does not let another tenant pull, change or chart against a tenant's records", async () => {
      const deviceA = await (await TestClinic.create(services(), 'Clinic A')).device();
      const deviceB = await (await TestClinic.create(services(), 'Clinic B')).device();
      const patient = deviceA.create('patient', patientFields());
      const rev = assertApplied((await deviceA.push([patient])).results[0]);

      assert.equal((await deviceB.pullAll()).size, 0);
      const { results } = await deviceB.push([
        deviceB.update('patient', patient.recordId, { familyName: 'Hijacked' }, rev),
        deviceB.mutation('patient', 'delete', patient.recordId, {}, rev),
        deviceB.create('allergy', allergyFields(patient.recordId)),
      ]);
      assertRejected(results[0], 'NOT_FOUND', 'recordId');
      assertRejected(results[1], 'NOT_FOUND', 'recordId');
      assertRejected(results[2], 'NOT_FOUND', 'fields.patientId');

      const record = (await deviceA.pullAll()).get(patient.recordId)!;
      assert.equal(record.rev, rev);
      assert.equal(record.fields.familyName, 'Lopez');
      assert.equal(record.deleted, false);
      assert.equal((await deviceB.pullAll()).size, 0);
    });

    it('shows a transaction that never named its tenant no rows at all', async () => {
      const clinic = await TestClinic.create(services());
      const device = await clinic.device();
      await device.push([device.create('patient', patientFields())]);

      const counts = await services().db.transaction(async (tx) => {
        await tx.query(`set local role ${APP_ROLE}`);
        const [forgotten] = await tx.query<{ n: number }>('select count(*)::int as n from patients');
        await enterTenant(tx, clinic.tenantId);
        const [scoped] = await tx.query<{ n: number }>('select count(*)::int as n from patients');
        return [forgotten!.n, scoped!.n];
      });
      assert.deepEqual(counts, [0, 1]);
    });
  });
}
