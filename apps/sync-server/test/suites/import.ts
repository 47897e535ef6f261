import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { mapFhirBundle } from '@eonpro/core';
import { serverDeviceId } from '../../src/auth/devices.ts';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { rejectsWithCode } from '../support/assertions.ts';
import { TestClinic } from '../support/testServer.ts';
import type { SuiteContext } from './suiteContext.ts';

const FIXTURE = 'Louis_Maggio_2e275d4b-855a-4eb2-9021-5410aa8acd4f.json';
const bundle: unknown = JSON.parse(readFileSync(new URL(`../../../../../shared/fixtures/synthea/${FIXTURE}`, import.meta.url), 'utf8'));

export function importTests({ services }: SuiteContext): void {
  describe('import.bundle', () => {
    it('imports a Synthea bundle as server-made changes every workstation pulls, and skips it on re-import', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const mapping = mapFhirBundle(bundle);
      assert.ok(mapping.ok);
      const mapped = mapping.patients[0]!;

      const summary = await admin.caller.import.bundle({ fileName: FIXTURE, bundle });
      assert.deepEqual(
        [summary.ok, summary.patientsImported, summary.patientsAlreadyPresent, summary.allergies, summary.conditions, summary.medications, summary.issues],
        [true, 1, 0, mapped.allergies.length, mapped.conditions.length, mapped.medications.length, []],
      );
      assert.deepEqual(summary.skipped, mapping.skipped);

      const records = [...(await (await clinic.device(await clinic.addUser('nurse'))).pullAll()).values()];
      const patient = records.find((record) => record.entity === 'patient')!;
      assert.equal(patient.fields.sourceId, mapped.sourceId);
      assert.equal(patient.fields.mrn, mapped.patient.mrn);
      const count = (entity: string) => records.filter((record) => record.entity === entity && record.fields.patientId === patient.id).length;
      assert.deepEqual([count('allergy'), count('condition'), count('medication')], [mapped.allergies.length, mapped.conditions.length, mapped.medications.length]);
      const serverDevice = await withTenant(services().db, clinic.tenantId, (tx) => serverDeviceId(tx));
      assert.ok(records.every((record) => record.updatedBy.deviceId === serverDevice && record.updatedBy.userId === admin.session.user.id));

      const cursor = (await admin.pull()).cursor;
      const again = await admin.caller.import.bundle({ fileName: FIXTURE, bundle });
      assert.deepEqual([again.ok, again.patientsImported, again.patientsAlreadyPresent, again.allergies, again.conditions], [true, 0, 1, 0, 0]);
      assert.equal((await admin.pull()).cursor, cursor);
    });

    it('imports nothing from an invalid bundle and lists its problems with paths', async () => {
      const admin = await (await TestClinic.create(services())).device();
      const summary = await admin.caller.import.bundle({
        fileName: 'broken.json',
        bundle: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate: 'yesterday' } }] },
      });
      assert.equal(summary.ok, false);
      assert.equal(summary.patientsImported, 0);
      assert.ok(summary.issues.some((issue) => issue.path.startsWith('entry[0].resource')));
      assert.equal((await admin.pullAll()).size, 0);
    });

    it('is for admins only', async () => {
      const clinic = await TestClinic.create(services());
      const nurse = await clinic.device(await clinic.addUser('nurse'));
      await rejectsWithCode(nurse.caller.import.bundle({ fileName: FIXTURE, bundle }), 'FORBIDDEN');
      assert.equal((await nurse.pullAll()).size, 0);
    });
  });
}
