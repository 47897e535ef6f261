import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { assertApplied } from '../support/assertions.ts';
import { patientFields, TestClinic } from '../support/testServer.ts';
import type { SuiteContext } from './suiteContext.ts';

export function conflictTests({ services }: SuiteContext): void {
  describe('conflicts', () => {
    it('merges concurrent demographics edits from two workstations field by field', async () => {
      const clinic = await TestClinic.create(services());
      const [front, back] = [await clinic.device(), await clinic.device()];
      const patient = front.create('patient', patientFields());
      const baseRev = assertApplied((await front.push([patient])).results[0]);

      // Both edit offline from the same version; `back` edits addressLine later than `front` does.
      const frontEdit = front.update('patient', patient.recordId, { phone: '555-0111', addressLine: '1 Front St' }, baseRev);
      back.clock.receive(frontEdit.fieldRevs.phone!);
      const backEdit = back.update('patient', patient.recordId, { city: 'North Haverbrook', addressLine: '2 Back Rd' }, baseRev);
      assertApplied((await back.push([backEdit])).results[0]);
      assertApplied((await front.push([frontEdit])).results[0]);

      const record = (await front.pullAll()).get(patient.recordId)!;
      assert.equal(record.fields.phone, '555-0111');
      assert.equal(record.fields.city, 'North Haverbrook');
      assert.equal(record.fields.addressLine, '2 Back Rd');
      assert.equal(record.fieldRevs.addressLine, backEdit.fieldRevs.addressLine);
      const tasks = await withTenant(services().db, clinic.tenantId, (tx) => tx.query('select 1 from review_tasks'));
      assert.equal(tasks.length, 0, 'ordinary fields merge without review');
    });

    it('keeps both values of a concurrent birth date change: the later in the record, the other in a review task', async () => {
      const clinic = await TestClinic.create(services());
      const [first, second] = [await clinic.device(), await clinic.device()];
      const patient = first.create('patient', patientFields());
      const baseRev = assertApplied((await first.push([patient])).results[0]);

      const earlier = first.update('patient', patient.recordId, { birthDate: '1980-04-21' }, baseRev);
      second.clock.receive(earlier.fieldRevs.birthDate!);
      const later = second.update('patient', patient.recordId, { birthDate: '1981-04-12' }, baseRev);
      assertApplied((await second.push([later])).results[0]);
      assertApplied((await first.push([earlier])).results[0]);

      const record = (await first.pullAll()).get(patient.recordId)!;
      assert.equal(record.fields.birthDate, '1981-04-12');
      const tasks = await withTenant(services().db, clinic.tenantId, (tx) =>
        tx.query<{ entity: string; field: string; kept_value: unknown; other_value: unknown; status: string }>(
          'select entity, field, kept_value, other_value, status from review_tasks where record_id = $1',
          [patient.recordId],
        ),
      );
      assert.deepEqual(tasks, [{ entity: 'patient', field: 'birthDate', kept_value: '1981-04-12', other_value: '1980-04-21', status: 'open' }]);
    });
  });
}
