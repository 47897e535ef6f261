import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { uuidv7, type AuditChainEntry } from '@eonpro/core';
import { rejectsWithCode } from '../support/assertions.ts';
import { allergyFields, callerFor, openTestServices, PASSWORD, patientFields, TestClinic } from '../support/testServer.ts';
import type { SuiteContext } from '../suites/suiteContext.ts';
import { readChain, verifyTenant } from './auditFixtures.ts';

const FIXTURE = 'Louis_Maggio_2e275d4b-855a-4eb2-9021-5410aa8acd4f.json';
const bundle: unknown = JSON.parse(readFileSync(new URL(`../../../../../shared/fixtures/synthea/${FIXTURE}`, import.meta.url), 'utf8'));

/** The stored events after the first `skip` entries, as the facts a test checks. */
async function eventsAfter(context: SuiteContext, tenantId: string, skip: number) {
  const chain: AuditChainEntry[] = await readChain(context.services(), tenantId);
  return chain.slice(skip).map(({ event }) => event);
}

export function recordingTests(context: SuiteContext): void {
  const { services } = context;

  describe('audit recording', () => {
    it('records creating the clinic as the first entry of its chain', async () => {
      const db = await context.backend.openDatabase();
      try {
        const fresh = await openTestServices(db);
        const created = await callerFor(fresh).setup.createClinic({ clinicName: 'North Clinic', adminName: 'Ada Admin', email: 'ada@north.test', password: PASSWORD });
        const [entry] = await readChain(fresh, created.tenantId);
        assert.equal(entry?.seq, 1);
        assert.deepEqual(
          [entry!.event.action, entry!.event.outcome, entry!.event.actor, entry!.event.entity, entry!.event.recordId],
          ['create', 'success', { userId: created.userId, role: 'admin' }, 'clinic', created.tenantId],
        );
      } finally {
        await db.close();
      }
    });

    it('records sign-in, a failed sign-in with the account it was for, and sign-out', async () => {
      const clinic = await TestClinic.create(services());
      const nurseEmail = await clinic.addUser('nurse');
      const nurse = await clinic.device(nurseEmail);
      // Setting the clinic up (its workstations registered and approved, the admin's authenticator) comes first; the
      // nurse's sign-in is its last entry.
      const setUp = (await readChain(services(), clinic.tenantId)).length;
      await rejectsWithCode(callerFor(services()).auth.signIn({ email: nurseEmail, password: 'not the password at all', deviceId: nurse.deviceId, deviceName: 'Ward PC' }), 'UNAUTHORIZED');
      await nurse.caller.auth.signOut({ refreshToken: nurse.session.refreshToken });

      const events = await eventsAfter(context, clinic.tenantId, setUp - 1);
      assert.deepEqual(
        events.map((event) => [event.action, event.outcome, event.actor.userId, event.device.deviceId]),
        [
          ['sign-in', 'success', nurse.session.user.id, nurse.deviceId],
          ['sign-in-failed', 'failure', nurse.session.user.id, nurse.deviceId],
          ['sign-out', 'success', nurse.session.user.id, nurse.deviceId],
        ],
      );
      assert.equal(events[0]!.actor.role, 'nurse');
      assert.equal(events[1]!.detail.code, 'UNAUTHORIZED');
    });

    it('records each mutation a push applied or rejected, with record, revision and patient, then the push; a retry adds only the push', async () => {
      const clinic = await TestClinic.create(services());
      const device = await clinic.device();
      const patient = device.create('patient', patientFields());
      const allergy = device.create('allergy', allergyFields(patient.recordId));
      const update = device.update('patient', patient.recordId, { phone: '555-0199' }, patient.fieldRevs.mrn!);
      const orphan = device.create('allergy', allergyFields(uuidv7()));
      const batch = [patient, allergy, update, orphan];
      const signedIn = (await readChain(services(), clinic.tenantId)).length;
      const { results } = await device.push(batch);

      const pushed = await eventsAfter(context, clinic.tenantId, signedIn);
      assert.deepEqual(
        pushed.map((event) => [event.action, event.outcome, event.entity, event.recordId, event.recordRev, event.patientId]),
        [
          ['create', 'success', 'patient', patient.recordId, (results[0] as { rev: string }).rev, patient.recordId],
          ['create', 'success', 'allergy', allergy.recordId, (results[1] as { rev: string }).rev, patient.recordId],
          ['update', 'success', 'patient', patient.recordId, (results[2] as { rev: string }).rev, patient.recordId],
          ['create', 'failure', 'allergy', orphan.recordId, null, orphan.fields.patientId],
          ['sync-push', 'success', null, null, null, null],
        ],
      );
      assert.equal(pushed[3]!.detail.code, 'NOT_FOUND');
      assert.deepEqual(pushed[4]!.detail, { procedure: 'sync.push', mutations: 4, applied: 3, duplicate: 0, rejected: 1 });
      assert.ok(pushed.every((event) => event.actor.userId === device.session.user.id && event.device.deviceId === device.deviceId));
      assert.equal(pushed[0]!.occurredAt, new Date(patient.madeAt).toISOString());

      await device.push(batch);
      const retried = await eventsAfter(context, clinic.tenantId, signedIn + pushed.length);
      assert.deepEqual(retried.map((event) => [event.action, event.detail.duplicate, event.detail.rejected]), [['sync-push', 3, 1]]);
    });

    it('records a pull with the number of records it returned', async () => {
      const clinic = await TestClinic.create(services());
      const device = await clinic.device();
      await device.push([device.create('patient', patientFields()), device.create('patient', patientFields())]);
      await device.pull(0);
      const [pull] = (await eventsAfter(context, clinic.tenantId, 0)).filter((event) => event.action === 'sync-pull');
      assert.deepEqual([pull?.outcome, pull?.detail.records, pull?.detail.remaining], ['success', 2, 0]);
    });

    it('records a refused call as access-denied, with the procedure and the code', async () => {
      const clinic = await TestClinic.create(services());
      const auditor = await clinic.device(await clinic.addUser('auditor'));
      await rejectsWithCode(auditor.push([auditor.create('patient', patientFields())]), 'FORBIDDEN');
      const [denied] = (await eventsAfter(context, clinic.tenantId, 0)).filter((event) => event.action === 'access-denied');
      assert.deepEqual(
        [denied?.outcome, denied?.actor, denied?.device.deviceId, denied?.detail],
        ['denied', { userId: auditor.session.user.id, role: 'auditor' }, auditor.deviceId, { procedure: 'sync.push', code: 'FORBIDDEN' }],
      );
    });

    it('records an import once per imported patient, then the bundle', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const summary = await admin.caller.import.bundle({ fileName: FIXTURE, bundle });
      const records = [...(await admin.pullAll()).values()];
      const patient = records.find((record) => record.entity === 'patient')!;
      const imported = (await eventsAfter(context, clinic.tenantId, 0)).filter((event) => event.action === 'import');
      assert.deepEqual(
        imported.map((event) => [event.patientId, event.entity, event.recordId, event.outcome]),
        [[patient.id, 'patient', patient.id, 'success'], [null, null, null, 'success']],
      );
      assert.deepEqual(imported[0]!.detail, { allergies: summary.allergies, conditions: summary.conditions, medications: summary.medications });
      assert.deepEqual(imported[1]!.detail, { procedure: 'import.bundle', patientsImported: 1, patientsAlreadyPresent: 0, issues: 0 });
      assert.ok(!JSON.stringify(imported).includes('Maggio'), 'an audit entry holds the file name or the patient name');
    });

    it('leaves a chain that verifies after all kinds of calls', async () => {
      const clinic = await TestClinic.create(services());
      const device = await clinic.device();
      await device.push([device.create('patient', patientFields())]);
      await device.pull(0);
      await device.caller.import.bundle({ fileName: FIXTURE, bundle });
      const result = await verifyTenant(services(), clinic.tenantId);
      assert.equal(result.ok, true);
      assert.ok(result.ok && result.length >= 6);
    });
  });
}
