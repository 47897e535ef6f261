import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError, uuidv7, type AuditEvent } from '@eonpro/core';
import { findLogin } from '../../src/auth/users.ts';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { setStaffActive } from '../../src/users/setStaffActive.ts';
import { setStaffRole } from '../../src/users/setStaffRole.ts';
import { rejectsWithCode } from '../support/assertions.ts';
import { callerFor, PASSWORD, signInAs, TestClinic, uniqueEmail } from '../support/testServer.ts';
import type { SuiteContext } from './suiteContext.ts';

export function userTests({ services }: SuiteContext): void {
  describe('users and roles', () => {
    const auditEntries = (clinic: TestClinic, action: string) =>
      withTenant(services().db, clinic.tenantId, async (tx) =>
        (await tx.query<{ event: AuditEvent }>('select event from audit_log where action = $1 order by seq', [action])).map((row) => row.event),
      );
    const userIdOf = async (email: string) => (await findLogin(services().db, email))!.userId;

    it('lets an admin create a user who can then sign in with the temporary password, and records it', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const email = uniqueEmail('nora');
      const created = await admin.caller.users.create({ name: ' Nora Nurse ', email: email.toUpperCase(), role: 'nurse', password: PASSWORD });
      assert.deepEqual({ ...created, createdAt: typeof created.createdAt }, { id: created.id, name: 'Nora Nurse', email, role: 'nurse', active: true, mfaEnabled: false, createdAt: 'string' });

      const nurse = await clinic.device(email);
      assert.equal(nurse.session.user.id, created.id);

      const list = await admin.caller.users.list();
      // The admin set up two-step sign-in at their first sign-in; a nurse need not.
      assert.deepEqual(
        list.map((user) => [user.email, user.role, user.active, user.mfaEnabled]).sort(),
        [[clinic.adminEmail, 'admin', true, true], [email, 'nurse', true, false]].sort(),
      );
      assert.ok(!JSON.stringify(list).includes('argon2'), 'no password hash is listed');

      const [entry] = await auditEntries(clinic, 'user-create');
      assert.deepEqual([entry?.actor.userId, entry?.entity, entry?.recordId, entry?.detail], [admin.session.user.id, 'user', created.id, { newRole: 'nurse' }]);
      assert.ok(!JSON.stringify(entry).includes('Nora'), 'ids and codes only');
    });

    it('refuses a common temporary password or a taken email with a field error, and creates nothing', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const common = await rejectsWithCode(admin.caller.users.create({ name: 'Nora', email: uniqueEmail('n'), role: 'nurse', password: 'Password1234' }), 'BAD_REQUEST');
      assert.ok(common.cause instanceof AppError);
      assert.deepEqual(common.cause.issues.map((issue) => issue.path), ['password']);
      const taken = await rejectsWithCode(admin.caller.users.create({ name: 'Nora', email: clinic.adminEmail, role: 'nurse', password: PASSWORD }), 'CONFLICT');
      assert.ok(taken.cause instanceof AppError);
      assert.deepEqual(taken.cause.issues.map((issue) => issue.path), ['email']);
      assert.equal((await admin.caller.users.list()).length, 1);
      assert.deepEqual(await auditEntries(clinic, 'user-create').then((entries) => entries.map((entry) => entry.outcome)), ['failure', 'failure']);
    });

    it("changes a user's role from their next call on, recording the old and new role", async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const nurseEmail = await clinic.addUser('nurse');
      const nurse = await clinic.device(nurseEmail);
      const nurseId = await userIdOf(nurseEmail);

      const changed = await admin.caller.users.setRole({ userId: nurseId, role: 'auditor' });
      assert.equal(changed.role, 'auditor');
      // The nurse's access token still says nurse; the server reads the role afresh on every call.
      await rejectsWithCode(nurse.push([nurse.create('patient', { givenName: 'Ann', familyName: 'Lee', birthDate: '1990-01-01', sex: 'female' })]), 'FORBIDDEN');
      assert.equal((await nurse.caller.users.me()).role, 'auditor');

      await admin.caller.users.setRole({ userId: nurseId, role: 'auditor' });
      const entries = await auditEntries(clinic, 'role-change');
      assert.equal(entries.length, 1, 'setting the same role again records nothing');
      assert.deepEqual([entries[0]!.recordId, entries[0]!.detail], [nurseId, { oldRole: 'nurse', newRole: 'auditor' }]);
    });

    it('disables a user: every refresh token is revoked at once and their next call is refused; enabling lets them back in', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const nurseEmail = await clinic.addUser('nurse');
      const [first, second] = [await clinic.device(nurseEmail), await clinic.device(nurseEmail)];
      await first.pull();
      const nurseId = await userIdOf(nurseEmail);

      const disabled = await admin.caller.users.setActive({ userId: nurseId, active: false });
      assert.equal(disabled.active, false);
      // The access token is still within its 15 minutes: the server reads the account on every call.
      const refused = await rejectsWithCode(first.pull(), 'UNAUTHORIZED');
      assert.match(refused.message, /no longer active/);
      assert.equal(refused.cause instanceof AppError && refused.cause.code, 'ACCOUNT_DISABLED');
      await rejectsWithCode(second.caller.users.me(), 'UNAUTHORIZED');
      for (const device of [first, second]) await rejectsWithCode(callerFor(services()).auth.refresh(device.refreshInput()), 'UNAUTHORIZED');
      const live = await withTenant(services().db, clinic.tenantId, (tx) => tx.query('select 1 from refresh_tokens where user_id = $1 and revoked_at is null', [nurseId]));
      assert.equal(live.length, 0);
      await rejectsWithCode(signInAs(services(), { email: nurseEmail, deviceId: uuidv7() }), 'UNAUTHORIZED');

      await admin.caller.users.setActive({ userId: nurseId, active: true });
      await (await clinic.device(nurseEmail)).pull();
      const entries = await auditEntries(clinic, 'user-status-change');
      assert.deepEqual(
        entries.map((entry) => entry.detail),
        [
          { oldActive: true, newActive: false, revokedSessions: 2, role: 'nurse' },
          { oldActive: false, newActive: true, revokedSessions: 0, role: 'nurse' },
        ],
      );
    });

    it('refuses an admin demoting or disabling their own account, and changes nothing', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const self = admin.session.user.id;
      const demote = await rejectsWithCode(admin.caller.users.setRole({ userId: self, role: 'nurse' }), 'CONFLICT');
      assert.match(demote.message, /own account/);
      await rejectsWithCode(admin.caller.users.setActive({ userId: self, active: false }), 'CONFLICT');
      assert.deepEqual(await admin.caller.users.me().then((me) => [me.role, me.active]), ['admin', true]);
    });

    it('never removes the last active administrator, even when asked by another account', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const soleAdmin = admin.session.user.id;
      const otherEmail = await clinic.addUser('admin');
      const other = { userId: await userIdOf(otherEmail), tenantId: clinic.tenantId, role: 'admin' as const, deviceId: admin.deviceId };
      await admin.caller.users.setActive({ userId: other.userId, active: false });

      // A disabled admin's claims cannot reach the router; the guard holds below it too.
      await assert.rejects(setStaffRole(services().db, other, soleAdmin, 'nurse'), (error: unknown) => error instanceof AppError && error.code === 'CONFLICT' && /last active administrator/.test(error.message));
      await assert.rejects(setStaffActive(services().db, other, soleAdmin, false), (error: unknown) => error instanceof AppError && error.code === 'CONFLICT');
      assert.deepEqual(await admin.caller.users.me().then((me) => [me.role, me.active]), ['admin', true]);
    });

    it('keeps one active administrator when two demote each other at the same moment', async () => {
      const clinic = await TestClinic.create(services());
      const first = await clinic.device();
      const secondEmail = await clinic.addUser('admin');
      const second = await clinic.device(secondEmail);
      const results = await Promise.allSettled([
        first.caller.users.setRole({ userId: second.session.user.id, role: 'nurse' }),
        second.caller.users.setRole({ userId: first.session.user.id, role: 'nurse' }),
      ]);
      assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
      const admins = await withTenant(services().db, clinic.tenantId, (tx) => tx.query("select id from users where role = 'admin' and active"));
      assert.equal(admins.length, 1);
    });

    it('answers NOT_FOUND for a user id the clinic does not have', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      await rejectsWithCode(admin.caller.users.setRole({ userId: uuidv7(), role: 'nurse' }), 'NOT_FOUND');
      await rejectsWithCode(admin.caller.users.setActive({ userId: uuidv7(), active: false }), 'NOT_FOUND');
    });

    it('tells any signed-in user who they are', async () => {
      const clinic = await TestClinic.create(services());
      const auditorEmail = await clinic.addUser('auditor');
      const auditor = await clinic.device(auditorEmail);
      const me = await auditor.caller.users.me();
      assert.deepEqual([me.email, me.role, me.active], [auditorEmail, 'auditor', true]);
      const [read] = await auditEntries(clinic, 'user-read');
      assert.deepEqual([read?.actor.userId, read?.actor.role, read?.outcome], [me.id, 'auditor', 'success']);
      await rejectsWithCode(auditor.caller.users.list(), 'FORBIDDEN');
      const [denied] = await auditEntries(clinic, 'access-denied');
      assert.deepEqual([denied?.actor.userId, denied?.detail.procedure], [me.id, 'users.list']);
      await rejectsWithCode(callerFor(services()).users.me(), 'UNAUTHORIZED');
    });
  });
}
