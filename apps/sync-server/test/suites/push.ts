import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatHlc, uuidv7 } from '@eonpro/core';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { assertApplied, assertRejected, rejectsWithCode } from '../support/assertions.ts';
import { allergyFields, patientFields, TestClinic } from '../support/testServer.ts';
import type { SuiteContext } from './suiteContext.ts';

export function pushTests({ services }: SuiteContext): void {
  describe('sync.push', () => {
    it('applies a new patient, answers with its rev, and serves its whole state by pull', async () => {
      const device = await (await TestClinic.create(services())).device();
      const create = device.create('patient', patientFields({ givenName: '  Maria ', email: '' }));
      const [result] = (await device.push([create])).results;
      const rev = assertApplied(result);
      assert.equal(rev, create.fieldRevs.mrn);

      const record = (await device.pullAll()).get(create.recordId)!;
      assert.equal(record.rev, rev);
      assert.equal(record.deleted, false);
      assert.equal(record.fields.givenName, 'Maria');
      assert.equal(record.fields.email, null);
      assert.equal(record.fields.deceasedDate, null);
      assert.equal(record.fields.birthDate, '1980-04-12');
      assert.equal(record.fieldRevs.deceasedDate, rev);
      assert.deepEqual(record.updatedBy, { userId: device.session.user.id, deviceId: device.deviceId });
    });

    it('answers a retried batch with duplicates and applies nothing twice', async () => {
      const device = await (await TestClinic.create(services())).device();
      const patient = device.create('patient', patientFields());
      const batch = [patient, device.create('allergy', allergyFields(patient.recordId)), device.update('patient', patient.recordId, { phone: '555-0199' }, patient.fieldRevs.mrn!)];
      assert.deepEqual((await device.push(batch)).results.map((r) => r.status), ['applied', 'applied', 'applied']);
      const before = await device.pull();

      const retried = await device.push(batch);
      assert.deepEqual(retried.results.map((r) => [r.mutationId, r.seq, r.status]), batch.map((m) => [m.mutationId, m.seq, 'duplicate']));
      const afterRetry = await device.pull();
      assert.equal(afterRetry.cursor, before.cursor);
      assert.equal(afterRetry.changes.length, 2);
    });

    it('applies a batch once when a retry races the original', async () => {
      const device = await (await TestClinic.create(services())).device();
      const batch = [device.create('patient', patientFields()), device.create('patient', patientFields())];
      const answers = await Promise.all([device.push(batch), device.push(batch)]);
      const statuses = answers.map((answer) => answer.results.map((r) => r.status).join(',')).sort();
      assert.deepEqual(statuses, ['applied,applied', 'duplicate,duplicate']);
      assert.equal((await device.pull()).changes.length, 2);
    });

    it('numbers the changes of concurrent pushes from several workstations without gaps', async () => {
      const clinic = await TestClinic.create(services());
      const devices = [await clinic.device(), await clinic.device(), await clinic.device()];
      await Promise.all(devices.flatMap((device) => [1, 2].map(() => device.push([device.create('patient', patientFields()), device.create('patient', patientFields())]))));
      const seqs = (await devices[0]!.pull()).changes.map((change) => change.seq);
      assert.deepEqual(seqs, Array.from({ length: 12 }, (_, index) => index + 1));
    });

    it('answers a mutation rejected before with the same rejection when it comes again', async () => {
      const device = await (await TestClinic.create(services())).device();
      const bad = device.create('patient', patientFields({ birthDate: '2999-01-01' }));
      const first = assertRejected((await device.push([bad])).results[0], 'VALIDATION', 'fields.birthDate');
      const second = assertRejected((await device.push([bad])).results[0], 'VALIDATION', 'fields.birthDate');
      assert.deepEqual(second, first);
    });

    it('applies the mutations behind a rejected one', async () => {
      const device = await (await TestClinic.create(services())).device();
      const bad = device.create('patient', patientFields({ sex: 'x' }));
      const good = device.create('patient', patientFields());
      const { results } = await device.push([bad, good]);
      assertRejected(results[0], 'VALIDATION', 'fields.sex');
      assertApplied(results[1]);
      const records = await device.pullAll();
      assert.ok(records.has(good.recordId));
      assert.ok(!records.has(bad.recordId));
    });

    it('rejects invalid fields with VALIDATION and the path of the field', async () => {
      const device = await (await TestClinic.create(services())).device();
      const existing = device.create('patient', patientFields());
      assertApplied((await device.push([existing])).results[0]);
      const base = existing.fieldRevs.mrn!;

      const unknownField = device.create('patient', patientFields({ favouriteColour: 'blue' }));
      const withoutGivenName = patientFields();
      delete withoutGivenName.givenName;
      const missingField = device.create('patient', withoutGivenName);
      const missingRev = device.update('patient', existing.recordId, { city: 'Shelbyville' }, base);
      missingRev.fieldRevs = {};
      const emptyUpdate = device.update('patient', existing.recordId, {}, base);
      const badEmail = device.update('patient', existing.recordId, { email: 'maria at home' }, base);
      const deleteWithFields = device.mutation('patient', 'delete', existing.recordId, { city: 'X' }, base);

      const { results } = await device.push([unknownField, missingField, missingRev, emptyUpdate, badEmail, deleteWithFields]);
      assertRejected(results[0], 'VALIDATION', 'fields.favouriteColour');
      assert.equal(assertRejected(results[1], 'VALIDATION', 'fields.givenName').message, 'Required');
      assertRejected(results[2], 'VALIDATION', 'fieldRevs.city');
      assertRejected(results[3], 'VALIDATION', 'fields');
      assert.equal(assertRejected(results[4], 'VALIDATION', 'fields.email').message, 'Must be an email address');
      assertRejected(results[5], 'VALIDATION', 'fields.city');
      assert.equal((await device.pullAll()).size, 1);
    });

    it('rejects changing, deleting or re-recording an append-only entry with APPEND_ONLY', async () => {
      const device = await (await TestClinic.create(services())).device();
      const patient = device.create('patient', patientFields());
      const allergy = device.create('allergy', allergyFields(patient.recordId));
      await device.push([patient, allergy]);

      const { results } = await device.push([
        device.update('allergy', allergy.recordId, { status: 'resolved' }, allergy.fieldRevs.status!),
        device.mutation('allergy', 'delete', allergy.recordId, {}, allergy.fieldRevs.status!),
        device.create('allergy', allergyFields(patient.recordId, { substance: 'Latex' }), allergy.recordId),
      ]);
      assertRejected(results[0], 'APPEND_ONLY', 'op');
      assertRejected(results[1], 'APPEND_ONLY', 'op');
      assertRejected(results[2], 'APPEND_ONLY', 'recordId');
      assert.equal((await device.pullAll()).get(allergy.recordId)!.fields.substance, 'Penicillin');
    });

    it('records an amendment as a new entry pointing at the one it corrects', async () => {
      const device = await (await TestClinic.create(services())).device();
      const patient = device.create('patient', patientFields());
      const allergy = device.create('allergy', allergyFields(patient.recordId));
      const amendment = device.create('allergy', allergyFields(patient.recordId, { status: 'entered-in-error', amendsId: allergy.recordId }));
      const otherPatient = device.create('patient', patientFields());
      const wrongPatient = device.create('allergy', allergyFields(otherPatient.recordId, { amendsId: allergy.recordId }));
      const { results } = await device.push([patient, allergy, amendment, otherPatient, wrongPatient]);
      assertApplied(results[2]);
      assertRejected(results[4], 'NOT_FOUND', 'fields.amendsId');
      assert.equal((await device.pullAll()).get(amendment.recordId)!.fields.amendsId, allergy.recordId);
    });

    it('rejects an update to a missing record and an entry for a missing patient with NOT_FOUND', async () => {
      const device = await (await TestClinic.create(services())).device();
      const { results } = await device.push([
        device.update('patient', uuidv7(), { city: 'Ogdenville' }, formatHlc({ wallMs: Date.now(), counter: 0, node: 'x' })),
        device.create('condition', { patientId: uuidv7(), display: 'Asthma', clinicalStatus: 'active', recordedDate: '2024-02-01' }),
      ]);
      assertRejected(results[0], 'NOT_FOUND', 'recordId');
      assertRejected(results[1], 'NOT_FOUND', 'fields.patientId');
    });

    it('rejects field times more than five minutes ahead of the server clock with CLOCK_AHEAD', async () => {
      const device = await (await TestClinic.create(services())).device();
      const ahead = device.create('patient', patientFields());
      ahead.fieldRevs.city = formatHlc({ wallMs: Date.now() + 10 * 60_000, counter: 0, node: 'fast' });
      const rejection = assertRejected((await device.push([ahead])).results[0], 'CLOCK_AHEAD', 'fieldRevs.city');
      assert.match(rejection.message, /clock is about 10 minutes ahead/);
      assert.equal((await device.pullAll()).size, 0);
    });

    it('rejects every mutation of a batch sent for another workstation with WRONG_DEVICE', async () => {
      const clinic = await TestClinic.create(services());
      const device = await clinic.device();
      const other = await clinic.device();
      const first = device.create('patient', patientFields());
      const second = device.create('patient', patientFields());
      const asOther = await device.push([first, second], other.deviceId);
      assert.deepEqual(asOther.results.map((r) => (r.status === 'rejected' ? r.code : r.status)), ['WRONG_DEVICE', 'WRONG_DEVICE']);

      const foreign = other.create('patient', patientFields());
      const mixed = await device.push([foreign]);
      assertRejected(mixed.results[0], 'WRONG_DEVICE', 'deviceId');
      assert.equal((await device.pullAll()).size, 0);

      // Nothing was recorded against those seqs: the right device can still send them.
      assert.deepEqual((await device.push([first, second])).results.map((r) => r.status), ['applied', 'applied']);
    });

    it('refuses a batch from an unsupported protocol or schema version, naming the versions', async () => {
      const device = await (await TestClinic.create(services())).device();
      const mutation = device.create('patient', patientFields());
      const error = await rejectsWithCode(device.caller.sync.push({ protocolVersion: 99, schemaVersion: 1, deviceId: device.deviceId, mutations: [mutation] }), 'BAD_REQUEST');
      assert.match(error.message, /protocol 99/);
      assert.match(error.message, /supports protocol 1/);
      await rejectsWithCode(device.caller.sync.pull({ protocolVersion: 1, schemaVersion: 7, cursor: 0 }), 'BAD_REQUEST');
      assert.equal((await device.pullAll()).size, 0);
    });

    it('lets auditors pull but not push', async () => {
      const clinic = await TestClinic.create(services());
      const auditor = await clinic.device(await clinic.addUser('auditor'));
      const error = await rejectsWithCode(auditor.push([auditor.create('patient', patientFields())]), 'FORBIDDEN');
      assert.match(error.message, /role/);
      assert.equal((await auditor.pull()).changes.length, 0);
    });

    it('keeps a deleted patient as a tombstone and turns a later edit into a review task instead of a resurrection', async () => {
      const clinic = await TestClinic.create(services());
      const device = await clinic.device();
      const patient = device.create('patient', patientFields());
      await device.push([patient]);
      const base = patient.fieldRevs.mrn!;
      assertApplied((await device.push([device.mutation('patient', 'delete', patient.recordId, {}, base)])).results[0]);
      assertApplied((await device.push([device.update('patient', patient.recordId, { phone: '555-0142' }, base)])).results[0]);

      const record = (await device.pullAll()).get(patient.recordId)!;
      assert.equal(record.deleted, true);
      const tasks = await withTenant(services().db, clinic.tenantId, (tx) =>
        tx.query<{ field: string; kept_value: unknown; other_value: unknown }>('select field, kept_value, other_value from review_tasks where record_id = $1', [patient.recordId]),
      );
      assert.deepEqual(tasks, [{ field: 'deleted', kept_value: true, other_value: { phone: '555-0142' } }]);
    });
  });
}
