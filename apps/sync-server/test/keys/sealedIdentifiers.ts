import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { assertApplied, assertRejected, rejectsWithCode } from '../support/assertions.ts';
import { patientFields, TestClinic } from '../support/testServer.ts';
import type { SuiteContext } from '../suites/suiteContext.ts';
import { dumpEveryRow } from './plaintextDump.ts';
import { tamper } from './sealing.ts';

const SSN = '219-09-9999';
const SSN_LATER = '078-05-1120';
const LICENSE = 'D1234567X';

function assertNoPlaintext(rows: string[], values: readonly string[]): void {
  const plain = values.flatMap((value) => [value, value.replaceAll('-', '')]);
  const hits = rows.filter((row) => plain.some((value) => row.includes(value)));
  assert.deepEqual(hits, [], 'a sealed identifier was found in the clear');
}

async function sealedColumns(services: SuiteContext['services'], tenantId: string, patientId: string) {
  const [row] = await withTenant(services().db, tenantId, (tx) =>
    tx.query<{ ssn_sealed: string | null; drivers_license_sealed: string | null }>('select ssn_sealed, drivers_license_sealed from patients where id = $1', [patientId]),
  );
  return row!;
}

export function sealedIdentifierTests({ services }: SuiteContext): void {
  describe('sealed SSN and driver\'s licence', () => {
    it('round-trip through push and pull while no table holds them in the clear, conflicts and rejections included', async () => {
      const clinic = await TestClinic.create(services());
      const [front, back] = [await clinic.device(), await clinic.device()];
      const patient = front.create('patient', patientFields({ ssn: SSN, driversLicense: LICENSE.toLowerCase() }));
      const baseRev = assertApplied((await front.push([patient])).results[0]);

      const pulled = (await back.pullAll()).get(patient.recordId)!;
      assert.equal(pulled.fields.ssn, SSN);
      assert.equal(pulled.fields.driversLicense, LICENSE);
      const stored = await sealedColumns(services, clinic.tenantId, patient.recordId);
      assert.match(stored.ssn_sealed!, /^v1\.1\./);
      assert.match(stored.drivers_license_sealed!, /^v1\.1\./);

      // Concurrent SSN edits: a safety field, so the losing value lands in a review task (sealed there too).
      const earlier = front.update('patient', patient.recordId, { ssn: SSN_LATER }, baseRev);
      back.clock.receive(earlier.fieldRevs.ssn!);
      const later = back.update('patient', patient.recordId, { ssn: SSN }, baseRev);
      assertApplied((await back.push([later])).results[0]);
      assertApplied((await front.push([earlier])).results[0]);
      const tasks = await withTenant(services().db, clinic.tenantId, (tx) =>
        tx.query<{ field: string; kept_value: string; other_value: string }>('select field, kept_value, other_value from review_tasks where record_id = $1', [patient.recordId]),
      );
      assert.equal(tasks.length, 1);
      assert.equal(tasks[0]!.field, 'ssn');
      const opened = await withTenant(services().db, clinic.tenantId, (tx) => services().sealer.open(tx, clinic.tenantId, tasks[0]!.other_value, 'patient.ssn'));
      assert.equal(opened, SSN_LATER);

      // An invalid SSN is refused without its value being kept anywhere.
      const invalid = '666-12-3456';
      assertRejected((await front.push([front.create('patient', patientFields({ ssn: invalid }))])).results[0], 'VALIDATION', 'fields.ssn');

      assertNoPlaintext(await dumpEveryRow(services().db, clinic.tenantId), [SSN, SSN_LATER, LICENSE, LICENSE.toLowerCase(), invalid]);
    });

    it('seals the edit that reaches a deleted patient before keeping it for review', async () => {
      const clinic = await TestClinic.create(services());
      const device = await clinic.device();
      const patient = device.create('patient', patientFields());
      const rev = assertApplied((await device.push([patient])).results[0]);
      assertApplied((await device.push([device.mutation('patient', 'delete', patient.recordId, {}, rev)])).results[0]);
      assertApplied((await device.push([device.update('patient', patient.recordId, { ssn: SSN, driversLicense: LICENSE }, rev)])).results[0]);
      const [task] = await withTenant(services().db, clinic.tenantId, (tx) =>
        tx.query<{ field: string; other_value: Record<string, string> }>('select field, other_value from review_tasks where record_id = $1', [patient.recordId]),
      );
      assert.equal(task!.field, 'deleted');
      assert.match(task!.other_value.ssn!, /^v1\./);
      assertNoPlaintext(await dumpEveryRow(services().db, clinic.tenantId), [SSN, LICENSE]);
    });

    it('refuses to serve a tampered sealed value, and a value moved from another clinic', async () => {
      const a = await TestClinic.create(services(), 'Clinic A');
      const b = await TestClinic.create(services(), 'Clinic B');
      const [deviceA, deviceB] = [await a.device(), await b.device()];
      const patientA = deviceA.create('patient', patientFields({ ssn: SSN }));
      const patientB = deviceB.create('patient', patientFields({ ssn: SSN_LATER }));
      assertApplied((await deviceA.push([patientA])).results[0]);
      assertApplied((await deviceB.push([patientB])).results[0]);
      const sealedA = (await sealedColumns(services, a.tenantId, patientA.recordId)).ssn_sealed!;

      // Someone with write access to the database moves A's sealed SSN into B's patient.
      await services().db.transaction(async (tx) => {
        await tx.query(`select set_config('app.tenant_id', $1, true)`, [b.tenantId]);
        await tx.query('update patients set ssn_sealed = $1 where id = $2', [sealedA, patientB.recordId]);
      });
      const moved = await rejectsWithCode(deviceB.pull(), 'INTERNAL_SERVER_ERROR');
      assert.ok(!moved.message.includes(SSN));

      await services().db.transaction(async (tx) => {
        await tx.query(`select set_config('app.tenant_id', $1, true)`, [a.tenantId]);
        await tx.query('update patients set ssn_sealed = $1 where id = $2', [tamper(sealedA), patientA.recordId]);
      });
      await rejectsWithCode(deviceA.pull(), 'INTERNAL_SERVER_ERROR');
    });

    it('refuses plaintext in a sealed column at the database', async () => {
      const clinic = await TestClinic.create(services());
      const device = await clinic.device();
      const patient = device.create('patient', patientFields());
      assertApplied((await device.push([patient])).results[0]);
      await assert.rejects(
        withTenant(services().db, clinic.tenantId, (tx) => tx.query('update patients set ssn_sealed = $1 where id = $2', [SSN, patient.recordId])),
        /check constraint/,
      );
    });
  });
}
