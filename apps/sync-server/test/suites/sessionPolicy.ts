import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError, uuidv7, type AuditEvent } from '@eonpro/core';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { assertApplied, assertRejected, rejectsWithCode } from '../support/assertions.ts';
import { patientFields, signInAs, TestClinic, type TestDevice } from '../support/testServer.ts';
import type { SuiteContext } from './suiteContext.ts';

/** The AppError code a call failed with. */
async function appCodeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof AppError ? cause.code : undefined;
  }
  assert.fail('the call succeeded');
}

/** The clinic policy, the author of each pushed change, restricted patients and a disabled account's answers. */
export function sessionPolicyTests({ services }: SuiteContext): void {
  const auditEntries = (clinic: TestClinic, action: string) =>
    withTenant(services().db, clinic.tenantId, async (tx) =>
      (await tx.query<{ event: AuditEvent }>('select event from audit_log where action = $1 order by seq', [action])).map((row) => row.event),
    );

  async function clinicWithNurse(): Promise<{ clinic: TestClinic; admin: TestDevice; nurse: TestDevice; nurseEmail: string }> {
    const clinic = await TestClinic.create(services());
    const admin = await clinic.device();
    const nurseEmail = await clinic.addUser('nurse');
    const nurse = await clinic.device(nurseEmail);
    return { clinic, admin, nurse, nurseEmail };
  }

  describe('tenant policy', () => {
    it('is 10 minutes until an admin sets it; every signed-in user reads the new value, and the change is audited', async () => {
      const { clinic, admin, nurse } = await clinicWithNurse();
      assert.deepEqual(await nurse.caller.policy.get(), { idleLockMinutes: 10 });
      assert.deepEqual(await admin.caller.policy.update({ idleLockMinutes: 3 }), { idleLockMinutes: 3 });
      assert.deepEqual(await nurse.caller.policy.get(), { idleLockMinutes: 3 });
      const [entry] = await auditEntries(clinic, 'policy-change');
      assert.deepEqual([entry?.actor.userId, entry?.detail], [admin.session.user.id, { oldIdleLockMinutes: 10, newIdleLockMinutes: 3 }]);
    });

    it('refuses 0, 61 and fractions of a minute, and a non-admin, and changes nothing', async () => {
      const { admin, nurse } = await clinicWithNurse();
      for (const idleLockMinutes of [0, 61, 2.5]) await rejectsWithCode(admin.caller.policy.update({ idleLockMinutes }), 'BAD_REQUEST');
      await rejectsWithCode(nurse.caller.policy.update({ idleLockMinutes: 30 }), 'FORBIDDEN');
      assert.deepEqual(await admin.caller.policy.get(), { idleLockMinutes: 10 });
    });
  });

  describe('the author of each pushed change', () => {
    it("credits a change to the user the workstation names, not to whoever pushes it, and says who pushed it in the audit", async () => {
      const { clinic, admin, nurse } = await clinicWithNurse();
      const nurseId = nurse.session.user.id;
      const change = { ...admin.create('patient', patientFields()), userId: nurseId };
      assertApplied((await admin.push([change])).results[0]);
      const record = (await admin.pullAll()).get(change.recordId)!;
      assert.deepEqual(record.updatedBy, { userId: nurseId, deviceId: admin.deviceId });
      const entry = (await auditEntries(clinic, 'create')).find((e) => e.recordId === change.recordId);
      assert.deepEqual([entry?.actor.userId, entry?.actor.role, entry?.detail.pushedBy], [nurseId, 'nurse', admin.session.user.id]);
    });

    it('refuses a change whose author is not a user of this clinic', async () => {
      const { admin } = await clinicWithNurse();
      const other = await (await TestClinic.create(services(), 'Other Clinic')).device();
      const stranger = { ...admin.create('patient', patientFields()), userId: other.session.user.id };
      assertRejected((await admin.push([stranger])).results[0], 'FORBIDDEN', 'userId');
      const unknown = { ...admin.create('patient', patientFields()), userId: uuidv7() };
      assertRejected((await admin.push([unknown])).results[0], 'FORBIDDEN', 'userId');
      assert.equal((await admin.pullAll()).size, 0);
    });

    it('accepts a change made before its author was disabled, flagged in the audit entry', async () => {
      const { clinic, admin, nurse } = await clinicWithNurse();
      const nurseId = nurse.session.user.id;
      await admin.caller.users.setActive({ userId: nurseId, active: false });
      const change = { ...admin.create('patient', patientFields()), userId: nurseId };
      assertApplied((await admin.push([change])).results[0]);
      const entry = (await auditEntries(clinic, 'create')).find((e) => e.recordId === change.recordId);
      assert.deepEqual([entry?.actor.userId, entry?.detail.authorInactive], [nurseId, true]);
    });
  });

  describe('restricted patients', () => {
    it('only an administrator restricts a patient or lifts it; anyone registers an unrestricted one', async () => {
      const { admin, nurse } = await clinicWithNurse();
      const open = nurse.create('patient', patientFields({ restricted: false }));
      assertApplied((await nurse.push([open])).results[0]);
      assertRejected((await nurse.push([nurse.create('patient', patientFields({ restricted: true }))])).results[0], 'FORBIDDEN', 'fields.restricted');

      const restricted = admin.create('patient', patientFields({ restricted: true }));
      const rev = assertApplied((await admin.push([restricted])).results[0]);
      assertRejected((await nurse.push([nurse.update('patient', restricted.recordId, { restricted: false }, rev)])).results[0], 'FORBIDDEN', 'fields.restricted');
      const records = await nurse.pullAll();
      assert.equal(records.get(restricted.recordId)?.fields.restricted, true);
      assert.equal(records.get(open.recordId)?.fields.restricted, false);
    });
  });

  describe('a disabled account', () => {
    it('is told apart from an ended session: calls, refresh and a sign-in with the right password answer ACCOUNT_DISABLED', async () => {
      const { admin, nurse, nurseEmail } = await clinicWithNurse();
      await admin.caller.users.setActive({ userId: nurse.session.user.id, active: false });
      assert.equal(await appCodeOf(nurse.pull()), 'ACCOUNT_DISABLED');
      assert.equal(await appCodeOf(nurse.caller.auth.refresh(nurse.refreshInput())), 'ACCOUNT_DISABLED');
      assert.equal(await appCodeOf(signInAs(services(), { email: nurseEmail, deviceId: nurse.deviceId })), 'ACCOUNT_DISABLED');
      // A wrong password learns nothing about the account.
      assert.equal(await appCodeOf(signInAs(services(), { email: nurseEmail, deviceId: nurse.deviceId, password: 'not the password at all' })), 'UNAUTHORIZED');
    });
  });
}
