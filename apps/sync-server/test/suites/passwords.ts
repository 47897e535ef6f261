import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { AppError, uuidv7 } from '@eonpro/core';
import { signIn } from '../../src/auth/session.ts';
import { createUser } from '../../src/auth/users.ts';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { rejectsWithCode } from '../support/assertions.ts';
import { callerFor, PASSWORD, TestClinic, uniqueEmail } from '../support/testServer.ts';
import { WorkstationKey } from '../support/workstationKey.ts';
import type { SuiteContext } from './suiteContext.ts';

const MINUTE = 60_000;

/** A wall clock the test moves by hand, so lockouts expire without sleeping. */
class TestClock {
  private ms = Date.parse('2026-03-01T09:00:00Z');
  readonly now = () => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

async function rejectsWithAppCode(promise: Promise<unknown>, code: string): Promise<AppError> {
  let caught: unknown;
  await assert.rejects(promise, (error: unknown) => {
    caught = error;
    return true;
  });
  assert.ok(caught instanceof AppError, `expected an AppError, got ${String(caught)}`);
  assert.equal(caught.code, code, `expected ${code}, got ${caught.code}: ${caught.message}`);
  return caught;
}

export function passwordTests({ services }: SuiteContext): void {
  describe('passwords and lockout', () => {
    /** A sign-in on `deviceId` (a new workstation unless given: it waits for approval once the password is right). */
    const attempt = (clock: TestClock, email: string, password: string, deviceId = uuidv7()) =>
      signIn({ ...services(), now: clock.now }, { email, password, deviceId, deviceName: 'Front desk', ...WorkstationKey.of(deviceId).signInFields(email) });
    const failTimes = async (clock: TestClock, email: string, times: number) => {
      for (let i = 0; i < times; i++) await rejectsWithAppCode(attempt(clock, email, 'not the password'), 'UNAUTHORIZED');
    };

    it('refuses a common password when creating a clinic, with a VALIDATION error on the password field', async () => {
      const error = await rejectsWithCode(
        callerFor(services()).setup.createClinic({ clinicName: 'Clinic', adminName: 'Ada', email: uniqueEmail('common'), password: 'Password1234' }),
        'BAD_REQUEST',
      );
      assert.ok(error.cause instanceof AppError);
      assert.equal(error.cause.code, 'VALIDATION');
      assert.deepEqual(error.cause.issues.map((issue) => issue.path), ['password']);
      assert.ok(!error.message.includes('Password1234'), 'the password is never quoted');
    });

    it('refuses short and common passwords for a new user, and takes a long uncommon one', async () => {
      const clinic = await TestClinic.create(services());
      const add = (password: string) => createUser(services().db, clinic.tenantId, { name: 'New Nurse', email: uniqueEmail('nurse'), role: 'nurse', password });
      const short = await rejectsWithAppCode(add('short pass'), 'VALIDATION');
      assert.deepEqual(short.issues, [{ path: 'password', message: 'At least 12 characters' }]);
      const common = await rejectsWithAppCode(add('QWERTY123456'), 'VALIDATION');
      assert.equal(common.issues[0]?.path, 'password');
      await rejectsWithAppCode(add('x'.repeat(201)), 'VALIDATION');
      assert.match(await add('lantern orchard sixty'), /^[0-9a-f-]{36}$/);
    });

    it('signs in with a legacy scrypt hash and replaces it with argon2id', async () => {
      const clinic = await TestClinic.create(services());
      const salt = randomBytes(16);
      const key = scryptSync(PASSWORD, salt, 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
      const legacy = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
      const readHash = () => withTenant(services().db, clinic.tenantId, async (tx) => (await tx.query<{ password_hash: string }>('select password_hash from users'))[0]!.password_hash);
      await withTenant(services().db, clinic.tenantId, (tx) => tx.query('update users set password_hash = $1', [legacy]));

      // The clinic's first workstation, approved by this first sign-in.
      const desk = WorkstationKey.of(uuidv7());
      const signInAtDesk = () => callerFor(services()).auth.signIn({ email: clinic.adminEmail, password: PASSWORD, deviceId: desk.deviceId, deviceName: 'Desk', ...desk.signInFields(clinic.adminEmail) });
      await signInAtDesk();
      const upgraded = await readHash();
      assert.match(upgraded, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      await signInAtDesk();
      assert.equal(await readHash(), upgraded, 'a current hash is left alone');
    });

    it('locks after 5 failures for 1 minute, doubling with each further failure up to an hour, even for the right password', async () => {
      const clinic = await TestClinic.create(services());
      const clock = new TestClock();
      await failTimes(clock, clinic.adminEmail, 4);
      const fifth = await rejectsWithAppCode(attempt(clock, clinic.adminEmail, 'not the password'), 'LOCKED');
      assert.match(fifth.message, /locked until 2026-03-01 09:01 UTC/);
      const whileLocked = await rejectsWithAppCode(attempt(clock, clinic.adminEmail, PASSWORD), 'LOCKED');
      assert.equal(whileLocked.message, fifth.message, 'the right password changes nothing while locked');
      assert.ok(!whileLocked.message.includes(clinic.adminEmail));

      const expectedMinutes = [2, 4, 8, 16, 32, 60, 60];
      for (const minutes of expectedMinutes) {
        clock.advance(60 * MINUTE);
        const start = clock.now().getTime();
        const locked = await rejectsWithAppCode(attempt(clock, clinic.adminEmail, 'not the password'), 'LOCKED');
        const until = await withTenant(services().db, clinic.tenantId, async (tx) => (await tx.query<{ locked_until: Date }>('select locked_until from users'))[0]!.locked_until);
        assert.equal(until.getTime() - start, minutes * MINUTE, `${minutes} minutes`);
        assert.ok(locked.message.includes(until.toISOString().slice(11, 16)));
      }
    });

    it('answers LOCKED through the API with TOO_MANY_REQUESTS, and counts it as a failed sign-in', async () => {
      const clinic = await TestClinic.create(services());
      const caller = callerFor(services());
      const metricsBefore = await services().metrics.registry.getSingleMetricAsString('eonpro_auth_sign_in_failures_total');
      for (let i = 0; i < 4; i++) await rejectsWithCode(caller.auth.signIn({ email: clinic.adminEmail, password: 'not the password', deviceId: uuidv7(), deviceName: 'PC' }), 'UNAUTHORIZED');
      await rejectsWithCode(caller.auth.signIn({ email: clinic.adminEmail, password: 'not the password', deviceId: uuidv7(), deviceName: 'PC' }), 'TOO_MANY_REQUESTS');
      const refused = await rejectsWithCode(caller.auth.signIn({ email: clinic.adminEmail, password: PASSWORD, deviceId: uuidv7(), deviceName: 'PC' }), 'TOO_MANY_REQUESTS');
      assert.match(refused.message, /locked until .* UTC/);
      const metricsAfter = await services().metrics.registry.getSingleMetricAsString('eonpro_auth_sign_in_failures_total');
      assert.notEqual(metricsAfter, metricsBefore);
      assert.match(metricsAfter, /code="TOO_MANY_REQUESTS"} [1-9]/);
    });

    it('starts the count again after a good sign-in', async () => {
      const clinic = await TestClinic.create(services());
      // A nurse: a password alone signs them in (for roles with a second step, see the MFA suite).
      const nurse = await clinic.addUser('nurse');
      const { deviceId } = await clinic.device(nurse);
      const clock = new TestClock();
      await failTimes(clock, nurse, 4);
      await attempt(clock, nurse, PASSWORD, deviceId);
      await failTimes(clock, nurse, 4);
      await attempt(clock, nurse, PASSWORD, deviceId);
      const state = await withTenant(services().db, clinic.tenantId, async (tx) => (await tx.query<{ failed_sign_ins: number; locked_until: Date | null }>("select failed_sign_ins, locked_until from users where role = 'nurse'"))[0]!);
      assert.deepEqual(state, { failed_sign_ins: 0, locked_until: null });
    });

    it('records each lockout in the audit trail, ids and counts only', async () => {
      const clinic = await TestClinic.create(services());
      const clock = new TestClock();
      await failTimes(clock, clinic.adminEmail, 4);
      await rejectsWithAppCode(attempt(clock, clinic.adminEmail, 'not the password'), 'LOCKED');
      clock.advance(2 * MINUTE);
      await rejectsWithAppCode(attempt(clock, clinic.adminEmail, 'not the password'), 'LOCKED');
      const events = await withTenant(services().db, clinic.tenantId, (tx) =>
        tx.query<{ event: { actor: { userId: string }; outcome: string; detail: Record<string, unknown> } }>("select event from audit_log where action = 'account-locked' order by seq"),
      );
      const [userId] = await withTenant(services().db, clinic.tenantId, async (tx) => (await tx.query<{ id: string }>('select id from users')).map((row) => row.id));
      assert.deepEqual(
        events.map(({ event }) => [event.actor.userId, event.outcome, event.detail]),
        [
          [userId, 'failure', { failedSignIns: 5, lockedMinutes: 1 }],
          [userId, 'failure', { failedSignIns: 6, lockedMinutes: 2 }],
        ],
      );
      assert.ok(!JSON.stringify(events).includes(clinic.adminEmail));
    });
  });
}
