import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resealTenant, rotateTenantDataKey } from '../../src/keys/dataKeyRotation.ts';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { assertApplied } from '../support/assertions.ts';
import { patientFields, TestClinic } from '../support/testServer.ts';
import type { SuiteContext } from '../suites/suiteContext.ts';

export function dataKeyRotationTests({ services }: SuiteContext): void {
  describe('tenant data key rotation', () => {
    it('seals new values under the new version, still opens old ones, and re-seals them without touching the records', async () => {
      const clinic = await TestClinic.create(services());
      const device = await clinic.device();
      const old = device.create('patient', patientFields({ ssn: '219-09-9999', driversLicense: 'OLD1234' }));
      assertApplied((await device.push([old])).results[0]);

      assert.deepEqual(await rotateTenantDataKey(services().db, services().keyProvider, clinic.tenantId), { version: 2 });
      const fresh = device.create('patient', patientFields({ ssn: '078-05-1120' }));
      assertApplied((await device.push([fresh])).results[0]);

      const stored = async () =>
        withTenant(services().db, clinic.tenantId, (tx) =>
          tx.query<{ id: string; ssn_sealed: string; drivers_license_sealed: string | null; rev: string; server_seq: number }>('select id, ssn_sealed, drivers_license_sealed, rev, server_seq from patients order by id'),
        );
      const before = await stored();
      const byId = (rows: typeof before, id: string) => rows.find((row) => row.id === id)!;
      assert.match(byId(before, old.recordId).ssn_sealed, /^v1\.1\./);
      assert.match(byId(before, fresh.recordId).ssn_sealed, /^v1\.2\./);
      const pulled = await device.pullAll();
      assert.equal(pulled.get(old.recordId)!.fields.ssn, '219-09-9999');
      assert.equal(pulled.get(fresh.recordId)!.fields.ssn, '078-05-1120');
      const cursor = (await device.pull()).cursor;

      assert.equal(await resealTenant(services().db, services().sealer, clinic.tenantId), 1);
      const after = await stored();
      assert.match(byId(after, old.recordId).ssn_sealed, /^v1\.2\./);
      assert.match(byId(after, old.recordId).drivers_license_sealed!, /^v1\.2\./);
      assert.equal(byId(after, fresh.recordId).ssn_sealed, byId(before, fresh.recordId).ssn_sealed, 'values already under the newest version stay as they are');
      assert.deepEqual(after.map((row) => [row.rev, row.server_seq]), before.map((row) => [row.rev, row.server_seq]));
      assert.equal((await device.pull(cursor)).changes.length, 0, 're-sealing is no change to sync');
      assert.equal((await device.pullAll()).get(old.recordId)!.fields.driversLicense, 'OLD1234');
      assert.equal(await resealTenant(services().db, services().sealer, clinic.tenantId), 0, 'a second run finds nothing left');

      const audited = await withTenant(services().db, clinic.tenantId, (tx) => tx.query<{ detail: unknown }>(`select event -> 'detail' as detail from audit_log where action = 'data-key-rotate'`));
      assert.deepEqual(audited.map((row) => row.detail), [{ dataKeyVersion: 2 }]);
    });
  });
}
