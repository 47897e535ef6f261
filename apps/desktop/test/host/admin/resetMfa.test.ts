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

const PRESCRIBER = { name: 'Priya Prescriber', email: 'priya@riverbend.test', role: 'prescriber' as const, password: 'lantern orchard sixty' };

describe('resetting someone’s two-step sign-in from the workstation', () => {
  let server: TestServer;
  let admin: TestHost;
  let prescriber: TestHost;
  before(async () => {
    server = await startTestServer();
    admin = await startTestHost(server.url);
    await setUpClinicOnHost(admin.caller, server, ADMIN);
    await admin.caller.adminUsers.create(PRESCRIBER);
    prescriber = await startTestHost(server.url);
    await signInOnHost(prescriber.caller, server, PRESCRIBER);
  });
  after(async () => {
    await prescriber?.remove();
    await admin?.remove();
    await server?.remove();
  });

  const listed = async (email: string) => (await admin.caller.adminUsers.list()).users.find((user) => user.email === email)!;

  it('removes the prescriber’s authenticator, so their next sign-in sets up a new one', async () => {
    const before = await listed(PRESCRIBER.email);
    assert.equal(before.mfaEnabled, true, 'a prescriber sets one up at the first sign-in');

    assert.deepEqual(await admin.caller.adminUsers.resetMfa({ userId: before.id }), { ok: true, hadFactor: true });
    assert.equal((await listed(PRESCRIBER.email)).mfaEnabled, false);

    await prescriber.caller.session.signOut();
    const next = await prescriber.caller.session.signIn({ email: PRESCRIBER.email, password: PRESCRIBER.password });
    assert.equal(next.state, 'mfa-enrolment-required');
  });

  it('refuses an administrator’s reset of their own two-step sign-in', async () => {
    const self = await listed(ADMIN.email);
    await assert.rejects(admin.caller.adminUsers.resetMfa({ userId: self.id }), (error: unknown) => appCode(error) === 'FORBIDDEN');
    assert.equal((await listed(ADMIN.email)).mfaEnabled, true);
  });

  it('is for administrators only', async () => {
    await signInOnHost(prescriber.caller, server, PRESCRIBER);
    const self = await listed(ADMIN.email);
    await assert.rejects(prescriber.caller.adminUsers.resetMfa({ userId: self.id }), (error: unknown) => appCode(error) === 'FORBIDDEN');
  });
});
