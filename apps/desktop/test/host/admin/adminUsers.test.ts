import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TRPCError } from '@trpc/server';
import { AppError } from '@eonpro/core';
import { ADMIN, setUpClinicOnHost, signInOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/** The AppError code a host procedure failed with. */
function appCode(error: unknown): string | undefined {
  return error instanceof TRPCError && error.cause instanceof AppError ? error.cause.code : undefined;
}

async function rejectsWithAppCode(promise: Promise<unknown>, code: string): Promise<AppError> {
  let caught: unknown;
  await assert.rejects(promise, (error: unknown) => {
    caught = error;
    return true;
  });
  assert.equal(appCode(caught), code, `expected ${code}, got ${String(caught)}`);
  return (caught as TRPCError).cause as AppError;
}

const NURSE = { name: 'Nia Nurse', email: 'nia@riverbend.test', role: 'nurse' as const, password: 'lantern orchard sixty' };

describe('user administration from the workstation', () => {
  let server: TestServer;
  let admin: TestHost;
  before(async () => {
    server = await startTestServer();
    admin = await startTestHost(server.url);
    await setUpClinicOnHost(admin.caller, server, ADMIN);
  });
  after(async () => {
    await admin?.remove();
    await server?.remove();
  });

  it('lists the clinic’s users with role, state and two-step sign-in, and marks who is asking', async () => {
    const { users, currentUserId } = await admin.caller.adminUsers.list();
    assert.deepEqual(
      users.map((user) => [user.name, user.email, user.role, user.active, user.mfaEnabled]),
      [[ADMIN.adminName, ADMIN.email, 'admin', true, true]],
    );
    assert.equal(currentUserId, users[0]!.id);
  });

  it('creates a user on the server who can then sign in on another workstation, and refuses what the server refuses beside its field', async () => {
    const created = await admin.caller.adminUsers.create(NURSE);
    assert.deepEqual([created.email, created.role, created.active], [NURSE.email, 'nurse', true]);

    const common = await rejectsWithAppCode(admin.caller.adminUsers.create({ ...NURSE, email: 'other@riverbend.test', password: 'Password1234' }), 'VALIDATION');
    assert.deepEqual(common.issues.map((issue) => issue.path), ['password']);
    const taken = await rejectsWithAppCode(admin.caller.adminUsers.create(NURSE), 'CONFLICT');
    assert.deepEqual(taken.issues.map((issue) => issue.path), ['email']);

    const nurseHost = await startTestHost(server.url);
    try {
      await signInOnHost(nurseHost.caller, server, NURSE);
      assert.equal((await nurseHost.caller.session.status()).user?.role, 'nurse');
      // Mirrored on the workstation: only an administrator reaches the screen's procedures.
      await rejectsWithAppCode(nurseHost.caller.adminUsers.list(), 'FORBIDDEN');
    } finally {
      await nurseHost.remove();
    }
  });

  it('changes a role and disables and enables a user, and will not let the admin demote or disable themselves', async () => {
    const { users, currentUserId } = await admin.caller.adminUsers.list();
    const nurse = users.find((user) => user.email === NURSE.email)!;
    assert.equal((await admin.caller.adminUsers.setRole({ userId: nurse.id, role: 'prescriber' })).role, 'prescriber');
    assert.equal((await admin.caller.adminUsers.setActive({ userId: nurse.id, active: false })).active, false);
    assert.equal((await admin.caller.adminUsers.setActive({ userId: nurse.id, active: true })).active, true);
    const self = await rejectsWithAppCode(admin.caller.adminUsers.setActive({ userId: currentUserId, active: false }), 'CONFLICT');
    assert.match(self.message, /own account/);
    await rejectsWithAppCode(admin.caller.adminUsers.setRole({ userId: currentUserId, role: 'nurse' }), 'CONFLICT');
  });

  it('says the screen needs the sync server when it cannot be reached', async () => {
    await server.stop();
    try {
      const offline = await rejectsWithAppCode(admin.caller.adminUsers.list(), 'OFFLINE');
      assert.match(offline.message, /Managing users needs the sync server/);
    } finally {
      await server.start();
    }
  });
});
