import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { TRPCError } from '@trpc/server';
import { AppError } from '@eonpro/core';
import { hostAuditEntries } from '../audit/hostAudit.ts';
import { ADMIN, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/** The AppError code a host procedure failed with. */
function appCode(error: unknown): string | undefined {
  return error instanceof TRPCError && error.cause instanceof AppError ? error.cause.code : undefined;
}

const WRONG_CODE = '000000';

describe('two-step sign-in on the workstation', () => {
  let server: TestServer;
  let host: TestHost;
  let secret = '';
  let recoveryCodes: string[] = [];
  const codesUsed: string[] = [];
  const nextCode = async () => {
    const code = await server.authenticator.nextCode(ADMIN.email);
    codesUsed.push(code);
    return code;
  };

  before(async () => {
    server = await startTestServer({ persistent: true });
    host = await startTestHost(server.url);
  });
  after(async () => {
    await host?.remove();
    await server?.remove();
  });

  it('sets up the administrator’s authenticator before the first session, and shows the recovery codes once', async () => {
    const afterSetup = await host.caller.session.setupClinic(ADMIN);
    assert.equal(afterSetup.state, 'mfa-enrolment-required');
    assert.equal(afterSetup.user, null, 'no one is signed in yet');
    await assert.rejects(host.caller.patients.search({ query: 'anyone' }), (error: unknown) => appCode(error) === 'UNAUTHORIZED');
    await assert.rejects(host.caller.session.completeMfa({ code: '123456' }), (error: unknown) => appCode(error) === 'UNAUTHORIZED');

    const enrolment = await host.caller.session.beginMfaEnrolment();
    secret = enrolment.secret;
    assert.match(enrolment.otpauthUri, /^otpauth:\/\/totp\/EONPro%20Clinic:/);
    server.authenticator.enrol(ADMIN.email, secret);

    await assert.rejects(host.caller.session.confirmMfaEnrolment({ code: WRONG_CODE }), (error: unknown) => appCode(error) === 'UNAUTHORIZED');
    assert.equal((await host.caller.session.status()).state, 'mfa-enrolment-required', 'a wrong code leaves the step open');

    const confirmed = await host.caller.session.confirmMfaEnrolment({ code: await nextCode() });
    assert.equal(confirmed.status.state, 'signed-in');
    assert.equal(confirmed.status.user?.email, ADMIN.email);
    recoveryCodes = confirmed.recoveryCodes;
    assert.equal(recoveryCodes.length, 10);
    assert.deepEqual((await host.caller.patients.search({ query: 'nobody here' })).results, []);
  });

  it('asks for a code after the password, refuses a wrong one, and signs in with the right one', async () => {
    await host.caller.session.signOut();
    const before = hostAuditEntries(host.host).length;
    const asked = await host.caller.session.signIn({ email: ADMIN.email, password: ADMIN.password });
    assert.equal(asked.state, 'mfa-required');
    assert.equal(asked.user, null);
    await assert.rejects(host.caller.session.completeMfa({ code: WRONG_CODE }), (error: unknown) => appCode(error) === 'UNAUTHORIZED');
    assert.equal((await host.caller.session.status()).state, 'mfa-required');

    const signedIn = await host.caller.session.completeMfa({ code: await nextCode() });
    assert.equal(signedIn.state, 'signed-in');
    const actions = hostAuditEntries(host.host, before).map((entry) => [entry.event.action, entry.event.outcome]);
    assert.deepEqual(actions, [['sign-in-failed', 'failure'], ['sign-in', 'success']]);
  });

  it('takes a recovery code instead of a code, once', async () => {
    await host.caller.session.signOut();
    await host.caller.session.signIn({ email: ADMIN.email, password: ADMIN.password });
    const signedIn = await host.caller.session.completeMfa({ recoveryCode: recoveryCodes[0]! });
    assert.equal(signedIn.state, 'signed-in');

    await host.caller.session.signOut();
    await host.caller.session.signIn({ email: ADMIN.email, password: ADMIN.password });
    await assert.rejects(host.caller.session.completeMfa({ recoveryCode: recoveryCodes[0]! }), (error: unknown) => appCode(error) === 'UNAUTHORIZED');
  });

  it('drops a waiting second step on sign-out', async () => {
    assert.equal((await host.caller.session.status()).state, 'mfa-required');
    assert.equal((await host.caller.session.signOut()).state, 'signed-out');
    await assert.rejects(host.caller.session.completeMfa({ code: await nextCode() }), (error: unknown) => appCode(error) === 'UNAUTHORIZED');
  });

  it('an offline session of a two-step account does not go online by itself: it asks for a sign-in with a code', async () => {
    await server.stop();
    const offline = await host.caller.session.signIn({ email: ADMIN.email, password: ADMIN.password });
    assert.deepEqual([offline.state, offline.signedInOffline], ['signed-in', true]);
    await server.start();
    await host.host.syncNow();
    const after = await host.caller.session.status();
    assert.deepEqual([after.state, after.signedInOffline, after.needsOnlineSignIn], ['signed-in', true, true]);
    await host.caller.session.signOut();
    const online = await host.caller.session.signIn({ email: ADMIN.email, password: ADMIN.password });
    assert.equal(online.state, 'mfa-required');
    assert.equal((await host.caller.session.completeMfa({ code: await nextCode() })).signedInOffline, false);
  });

  it('never writes the secret, a code or a recovery code to the host log or the audit trail', async () => {
    host.host.createContext().host.logger.flush();
    const log = readFileSync(host.folder.logPath, 'utf8');
    const audit = JSON.stringify(hostAuditEntries(host.host));
    for (const text of [log, audit]) {
      assert.ok(!text.includes(secret), 'the TOTP secret');
      for (const code of recoveryCodes) assert.ok(!text.includes(code) && !text.includes(code.replaceAll('-', '')), 'a recovery code');
    }
    const values = log.trim().split('\n').flatMap((line) => Object.values(JSON.parse(line) as Record<string, unknown>));
    for (const code of [...codesUsed, WRONG_CODE]) assert.ok(!values.includes(code), 'a one-time code');
  });
});
