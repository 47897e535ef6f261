/**
 * The idle lock on a real host with a clock the test moves: the clinic's policy (10 minutes until the server says
 * otherwise), activity reported by the renderer, unlocking with the password, and someone else taking over.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TRPCError } from '@trpc/server';
import { hostAuditEntries } from '../audit/hostAudit.ts';
import { ADMIN, hostAppCode, setUpClinicOnHost, signInOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const NURSE = { name: 'Nora Nurse', email: 'nora@riverbend.test', password: 'a long nurse password 8' };
const MINUTE = 60_000;

describe('idle auto-lock', () => {
  let server: TestServer;
  let admin: TestHost;
  let ward: TestHost;
  let now = Date.now();
  const clock = () => now;
  const actions = (host: TestHost) => hostAuditEntries(host.host).map((entry) => entry.event.action);

  before(async () => {
    server = await startTestServer();
    admin = await startTestHost(server.url);
    await setUpClinicOnHost(admin.caller, server, ADMIN);
    await admin.caller.adminUsers.create({ ...NURSE, role: 'nurse' });
    ward = await startTestHost(server.url, { clock });
    await signInOnHost(ward.caller, server, NURSE);
  });
  after(async () => {
    await ward?.remove();
    await admin?.remove();
    await server?.remove();
  });

  it('locks after 10 minutes without activity by default; activity reported by the renderer pushes it back', async () => {
    assert.equal((await ward.caller.session.status()).idleLockMinutes, 10);
    now += 9 * MINUTE;
    await ward.caller.session.activity();
    now += 9 * MINUTE;
    assert.equal((await ward.caller.session.status()).state, 'signed-in');
    // Background polling is not activity.
    await ward.caller.sync.status();
    now += 1 * MINUTE;
    const locked = await ward.caller.session.status();
    assert.deepEqual([locked.state, locked.user?.email, locked.lockReason], ['session-locked', NURSE.email, 'idle']);
    const lock = hostAuditEntries(ward.host).findLast((entry) => entry.event.action === 'session-lock');
    assert.deepEqual([lock?.event.actor.role, lock?.event.detail], ['nurse', { reason: 'idle', idleLockMinutes: 10 }]);
  });

  it('while locked, nothing may be done; a wrong password keeps it locked (saying only the password is wrong), the right one opens it again', async () => {
    await assert.rejects(ward.caller.patients.search({ query: 'anyone' }), (error: unknown) => hostAppCode(error) === 'UNAUTHORIZED');
    await assert.rejects(
      ward.caller.session.unlock({ password: 'not the nurse password' }),
      (error: unknown) => hostAppCode(error) === 'UNAUTHORIZED' && (error as Error).message === 'That password is not correct.',
    );
    assert.equal((await ward.caller.session.status()).state, 'session-locked');
    const unlocked = await ward.caller.session.unlock({ password: NURSE.password });
    assert.deepEqual([unlocked.state, unlocked.user?.email, unlocked.lockReason], ['signed-in', NURSE.email, null]);
    assert.deepEqual((await ward.caller.patients.search({ query: 'nobody' })).results, []);
    assert.equal(actions(ward).at(-2), 'session-unlock');
  });

  it('follows the clinic policy an administrator sets, once the workstation has synced', async () => {
    assert.deepEqual(await admin.caller.policy.update({ idleLockMinutes: 2 }), { idleLockMinutes: 2 });
    await assert.rejects(admin.caller.policy.update({ idleLockMinutes: 61 }), (error: unknown) => error instanceof TRPCError && error.code === 'BAD_REQUEST');
    await assert.rejects(ward.caller.policy.update({ idleLockMinutes: 30 }), (error: unknown) => hostAppCode(error) === 'FORBIDDEN');
    await ward.host.syncNow();
    assert.deepEqual(await ward.caller.policy.get(), { idleLockMinutes: 2 });
    await ward.caller.session.activity();
    now += 2 * MINUTE;
    assert.equal((await ward.caller.session.status()).state, 'session-locked');
  });

  it('someone else may sign in on a locked session: it ends, recorded as its sign-out', async () => {
    const status = await signInOnHost(ward.caller, server, ADMIN);
    assert.deepEqual([status.state, status.user?.email], ['signed-in', ADMIN.email]);
    const signOut = hostAuditEntries(ward.host).findLast((entry) => entry.event.action === 'sign-out');
    assert.deepEqual([signOut?.event.actor.role, signOut?.event.detail.reason], ['nurse', 'another-user-signed-in']);
  });

  it('locks at once when asked (stepping away), and says it was asked', async () => {
    const locked = await ward.caller.session.lock();
    assert.deepEqual([locked.state, locked.user?.email, locked.lockReason], ['session-locked', ADMIN.email, 'requested']);
    const lock = hostAuditEntries(ward.host).findLast((entry) => entry.event.action === 'session-lock');
    assert.equal(lock?.event.detail.reason, 'requested');
    assert.equal((await ward.caller.session.unlock({ password: ADMIN.password })).state, 'signed-in');
  });
});
