import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AuditEvent } from '@eonpro/core';
import { findLogin } from '../../src/auth/users.ts';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { rejectsWithCode } from '../support/assertions.ts';
import { authenticatorOf } from '../support/authenticator.ts';
import { callerFor, PASSWORD, TestClinic, type TestDevice } from '../support/testServer.ts';
import { WorkstationKey } from '../support/workstationKey.ts';
import type { SuiteContext } from './suiteContext.ts';

export function mfaTests({ services }: SuiteContext): void {
  describe('two-step sign-in (TOTP)', () => {
    const authenticator = () => authenticatorOf(services());
    const caller = () => callerFor(services());
    /** The password step on an approved workstation, as the desktop sends it. */
    const passwordStep = (device: TestDevice, email: string, password = PASSWORD) =>
      caller().auth.signIn({ email, password, deviceId: device.deviceId, deviceName: 'Front desk PC', ...WorkstationKey.of(device.deviceId).signInFields(email) });
    const challengeOf = async (device: TestDevice, email: string, status: 'mfa-required' | 'mfa-enrolment-required') => {
      const answer = await passwordStep(device, email);
      assert.equal(answer.status, status);
      return (answer as { challengeToken: string }).challengeToken;
    };
    const auditEvents = (clinic: TestClinic, action: string) =>
      withTenant(services().db, clinic.tenantId, async (tx) =>
        (await tx.query<{ event: AuditEvent }>('select event from audit_log where action = $1 order by seq', [action])).map((row) => row.event),
      );
    const factorRow = (clinic: TestClinic, userId: string) =>
      withTenant(services().db, clinic.tenantId, async (tx) =>
        (await tx.query<{ secret_sealed: string; activated_at: Date | null }>('select secret_sealed, activated_at from mfa_factors where user_id = $1', [userId]))[0] ?? null,
      );
    const userIdOf = async (email: string) => (await findLogin(services().db, email))!.userId;

    /** A clinic whose admin has set up an authenticator, with the admin's approved workstation. */
    async function enrolledClinic(): Promise<{ clinic: TestClinic; admin: TestDevice }> {
      const clinic = await TestClinic.create(services());
      return { clinic, admin: await clinic.device() };
    }

    it('asks an admin or prescriber without an authenticator to set one up, and gives no session until a code verifies', async () => {
      const clinic = await TestClinic.create(services());
      const adminId = await userIdOf(clinic.adminEmail);
      const key = WorkstationKey.of(crypto.randomUUID());
      const first = await caller().auth.signIn({ email: clinic.adminEmail, password: PASSWORD, deviceId: key.deviceId, deviceName: 'Desk', ...key.signInFields(clinic.adminEmail) });
      assert.equal(first.status, 'mfa-enrolment-required');
      assert.ok(!('accessToken' in first) && !('refreshToken' in first), 'no token before the second step');
      const { challengeToken } = first as { challengeToken: string };
      // The enrolment challenge is not a sign-in challenge: it cannot skip setting up the authenticator.
      await rejectsWithCode(caller().auth.completeMfa({ challengeToken, code: '123456' }), 'UNAUTHORIZED');

      const { otpauthUri, secret } = await caller().auth.beginMfaEnrolment({ challengeToken });
      const [label, query] = otpauthUri.split('?');
      assert.equal(decodeURIComponent(label!), `otpauth://totp/EONPro Clinic:${clinic.adminEmail}`);
      const params = new URLSearchParams(query);
      assert.equal(params.get('issuer'), 'EONPro Clinic');
      assert.equal(params.get('secret'), secret);
      assert.match(secret, /^[A-Z2-7]{32}$/, '160 bits in Base32');
      const pending = await factorRow(clinic, adminId);
      assert.equal(pending?.activated_at, null, 'not active before a code verifies');
      assert.ok(!pending.secret_sealed.includes(secret), 'the secret is sealed, never stored in the clear');

      const wrong = await rejectsWithCode(caller().auth.confirmMfaEnrolment({ challengeToken, code: await authenticator().codeAt(secret, 5) }), 'UNAUTHORIZED');
      assert.match(wrong.message, /not correct/);
      assert.equal((await factorRow(clinic, adminId))?.activated_at, null, 'a wrong code activates nothing');

      authenticator().enrol(clinic.adminEmail, secret);
      const enrolled = await caller().auth.confirmMfaEnrolment({ challengeToken, code: await authenticator().nextCode(clinic.adminEmail) });
      assert.equal(enrolled.session.user.id, adminId);
      assert.equal(enrolled.recoveryCodes.length, 10);
      assert.equal(new Set(enrolled.recoveryCodes).size, 10);
      for (const code of enrolled.recoveryCodes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      assert.ok((await factorRow(clinic, adminId))?.activated_at instanceof Date);

      const stored = await withTenant(services().db, clinic.tenantId, (tx) => tx.query<{ code_hash: string }>('select code_hash from mfa_recovery_codes'));
      assert.equal(stored.length, 10);
      const storedText = JSON.stringify(stored);
      for (const code of enrolled.recoveryCodes) assert.ok(!storedText.includes(code) && !storedText.includes(code.replaceAll('-', '')), 'only hashes are stored');

      // The challenge was used up with the enrolment.
      await rejectsWithCode(caller().auth.confirmMfaEnrolment({ challengeToken, code: await authenticator().nextCode(clinic.adminEmail) }), 'UNAUTHORIZED');
      const [enrol] = await auditEvents(clinic, 'mfa-enrol');
      assert.deepEqual([enrol?.actor.userId, enrol?.outcome, enrol?.recordId], [adminId, 'success', adminId]);
      assert.ok(!JSON.stringify(await auditEvents(clinic, 'mfa-enrol')).includes(secret));
    });

    it('signs in with a right code only once: a wrong code and a replayed code are refused', async () => {
      const { clinic, admin } = await enrolledClinic();
      const wrongChallenge = await challengeOf(admin, clinic.adminEmail, 'mfa-required');
      const secret = authenticator().secretOf(clinic.adminEmail);
      await rejectsWithCode(caller().auth.completeMfa({ challengeToken: wrongChallenge, code: await authenticator().codeAt(secret, 3) }), 'UNAUTHORIZED');

      const code = await authenticator().nextCode(clinic.adminEmail);
      const session = await caller().auth.completeMfa({ challengeToken: wrongChallenge, code });
      assert.equal(session.user.email, clinic.adminEmail);
      await callerFor(services(), session.accessToken).mfa.status().then((status) => assert.deepEqual(status, { enrolled: true, required: true, recoveryCodesLeft: 10 }));

      const replay = await challengeOf(admin, clinic.adminEmail, 'mfa-required');
      const refused = await rejectsWithCode(caller().auth.completeMfa({ challengeToken: replay, code }), 'UNAUTHORIZED');
      assert.match(refused.message, /already used/);
      // The step before the one just used is older still: refused as well, though within the ±1 window.
      await rejectsWithCode(caller().auth.completeMfa({ challengeToken: replay, code: await authenticator().codeAt(secret, -1) }), 'UNAUTHORIZED');
      // A used challenge cannot be presented again, even with a fresh code.
      await rejectsWithCode(caller().auth.completeMfa({ challengeToken: wrongChallenge, code: await authenticator().nextCode(clinic.adminEmail) }), 'UNAUTHORIZED');

      const verified = await auditEvents(clinic, 'mfa-verify');
      assert.deepEqual(
        verified.map((event) => [event.outcome, event.detail.method]),
        [['failure', 'totp'], ['success', 'totp'], ['failure', 'totp'], ['failure', 'totp']],
      );
    });

    it('accepts a code one step early or late, but not two', async () => {
      const { clinic, admin } = await enrolledClinic();
      const secret = authenticator().secretOf(clinic.adminEmail);
      authenticator().advance(120_000);
      const tooEarly = await challengeOf(admin, clinic.adminEmail, 'mfa-required');
      await rejectsWithCode(caller().auth.completeMfa({ challengeToken: tooEarly, code: await authenticator().codeAt(secret, -2) }), 'UNAUTHORIZED');
      await caller().auth.completeMfa({ challengeToken: tooEarly, code: await authenticator().codeAt(secret, -1) });
      const late = await challengeOf(admin, clinic.adminEmail, 'mfa-required');
      await rejectsWithCode(caller().auth.completeMfa({ challengeToken: late, code: await authenticator().codeAt(secret, 2) }), 'UNAUTHORIZED');
      await caller().auth.completeMfa({ challengeToken: late, code: await authenticator().codeAt(secret, 1) });
    });

    it('takes each recovery code once, in place of a code, and audits it', async () => {
      const { clinic, admin } = await enrolledClinic();
      const [recovery] = authenticator().recoveryCodes.get(clinic.adminEmail)!;
      const first = await challengeOf(admin, clinic.adminEmail, 'mfa-required');
      const session = await caller().auth.completeMfa({ challengeToken: first, recoveryCode: recovery!.toLowerCase().replaceAll('-', ' ') });
      assert.equal(session.user.email, clinic.adminEmail);
      const again = await challengeOf(admin, clinic.adminEmail, 'mfa-required');
      await rejectsWithCode(caller().auth.completeMfa({ challengeToken: again, recoveryCode: recovery! }), 'UNAUTHORIZED');
      await rejectsWithCode(caller().auth.completeMfa({ challengeToken: again, recoveryCode: 'not-a-code' }), 'UNAUTHORIZED');
      const [used] = await auditEvents(clinic, 'mfa-recovery-code');
      assert.deepEqual([used?.outcome, used?.detail], ['success', { method: 'recovery-code', recoveryCodesLeft: 9 }]);
      assert.ok(!JSON.stringify(used).includes(recovery!));
    });

    it('counts wrong codes toward the password lockout', async () => {
      const { clinic, admin } = await enrolledClinic();
      const secret = authenticator().secretOf(clinic.adminEmail);
      const challenge = await challengeOf(admin, clinic.adminEmail, 'mfa-required');
      for (let i = 0; i < 4; i++) await rejectsWithCode(caller().auth.completeMfa({ challengeToken: challenge, code: await authenticator().codeAt(secret, 9) }), 'UNAUTHORIZED');
      await rejectsWithCode(caller().auth.completeMfa({ challengeToken: challenge, code: await authenticator().codeAt(secret, 9) }), 'TOO_MANY_REQUESTS');
      const right = await rejectsWithCode(caller().auth.completeMfa({ challengeToken: challenge, code: await authenticator().nextCode(clinic.adminEmail) }), 'TOO_MANY_REQUESTS');
      assert.match(right.message, /locked until/);
      assert.equal((await auditEvents(clinic, 'account-locked')).length, 1);
    });

    it('lets a challenge lapse after five minutes', async () => {
      const { clinic, admin } = await enrolledClinic();
      const challenge = await challengeOf(admin, clinic.adminEmail, 'mfa-required');
      authenticator().advance(5 * 60_000);
      const expired = await rejectsWithCode(caller().auth.completeMfa({ challengeToken: challenge, code: await authenticator().nextCode(clinic.adminEmail) }), 'UNAUTHORIZED');
      assert.match(expired.message, /expired/);
    });

    it('signs in a nurse with the password alone, and lets them turn two-step sign-in on', async () => {
      const clinic = await TestClinic.create(services());
      const email = await clinic.addUser('nurse');
      const nurse = await clinic.device(email);
      assert.deepEqual(await nurse.caller.mfa.status(), { enrolled: false, required: false, recoveryCodesLeft: 0 });
      const { secret } = await nurse.caller.mfa.beginEnrolment();
      await rejectsWithCode(nurse.caller.mfa.confirmEnrolment({ code: await authenticator().codeAt(secret, 4) }), 'UNAUTHORIZED');
      authenticator().enrol(email, secret);
      const { recoveryCodes } = await nurse.caller.mfa.confirmEnrolment({ code: await authenticator().nextCode(email) });
      assert.equal(recoveryCodes.length, 10);
      await rejectsWithCode(nurse.caller.mfa.beginEnrolment(), 'CONFLICT');
      assert.equal((await passwordStep(nurse, email)).status, 'mfa-required');
    });

    it('ends a password-only session when its user is promoted to a role that requires the second step', async () => {
      const { clinic, admin } = await enrolledClinic();
      const nurseEmail = await clinic.addUser('nurse');
      const nurse = await clinic.device(nurseEmail);
      await nurse.pull();

      await admin.caller.users.setRole({ userId: nurse.session.user.id, role: 'prescriber' });
      const call = await rejectsWithCode(nurse.caller.users.me(), 'UNAUTHORIZED');
      assert.match(call.message, /requires two-step sign-in/);
      const refresh = await rejectsWithCode(caller().auth.refresh({ refreshToken: nurse.session.refreshToken, ...refreshProof(nurse) }), 'UNAUTHORIZED');
      assert.match(refresh.message, /requires two-step sign-in/);
      assert.equal((await passwordStep(nurse, nurseEmail)).status, 'mfa-enrolment-required');

      // Once set up, the promoted user signs in and works as usual.
      const prescriber = await clinic.device(nurseEmail);
      assert.equal((await prescriber.caller.users.me()).role, 'prescriber');
      await callerFor(services()).auth.refresh({ refreshToken: prescriber.session.refreshToken, ...refreshProof(prescriber) });
    });

    it('lets an admin reset another user’s two-step sign-in: factor, recovery codes and sessions go, audited', async () => {
      const { clinic, admin } = await enrolledClinic();
      const prescriberEmail = await clinic.addUser('prescriber');
      const prescriber = await clinic.device(prescriberEmail);
      const prescriberId = prescriber.session.user.id;
      assert.equal((await prescriber.caller.mfa.status()).enrolled, true);

      const nurse = await clinic.device(await clinic.addUser('nurse'));
      await rejectsWithCode(nurse.caller.mfa.reset({ userId: prescriberId }), 'FORBIDDEN');
      const own = await rejectsWithCode(admin.caller.mfa.reset({ userId: admin.session.user.id }), 'FORBIDDEN');
      assert.match(own.message, /another administrator/);
      await rejectsWithCode(admin.caller.mfa.reset({ userId: crypto.randomUUID() }), 'NOT_FOUND');

      assert.deepEqual(await admin.caller.mfa.reset({ userId: prescriberId }), { ok: true, hadFactor: true });
      assert.equal(await factorRow(clinic, prescriberId), null);
      // The access token already issued (still within its 15 minutes) stops working at once too.
      const live = await rejectsWithCode(prescriber.caller.users.me(), 'UNAUTHORIZED');
      assert.match(live.message, /requires two-step sign-in/);
      const codesLeft = await withTenant(services().db, clinic.tenantId, (tx) => tx.query('select 1 from mfa_recovery_codes where user_id = $1', [prescriberId]));
      assert.equal(codesLeft.length, 0);
      await rejectsWithCode(caller().auth.refresh({ refreshToken: prescriber.session.refreshToken, ...refreshProof(prescriber) }), 'UNAUTHORIZED');
      assert.equal((await passwordStep(prescriber, prescriberEmail)).status, 'mfa-enrolment-required');

      const resets = await auditEvents(clinic, 'mfa-reset');
      assert.deepEqual(resets.map((event) => [event.outcome, event.detail.code ?? null]), [['failure', 'NOT_FOUND'], ['success', null]]);
      const reset = resets[1];
      assert.deepEqual([reset?.actor.userId, reset?.outcome, reset?.recordId, reset?.detail], [admin.session.user.id, 'success', prescriberId, { hadFactor: true }]);
      const denied = (await auditEvents(clinic, 'access-denied')).filter((event) => event.detail.procedure === 'mfa.reset');
      assert.deepEqual(denied.map((event) => event.actor.userId), [nurse.session.user.id, admin.session.user.id]);
    });
  });
}

/** What auth.refresh needs from the workstation besides the token (its device proof). */
function refreshProof(device: TestDevice): Record<string, unknown> {
  return { deviceProof: WorkstationKey.of(device.deviceId).proof('refresh', device.session.refreshToken) };
}
