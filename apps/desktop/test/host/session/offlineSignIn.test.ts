/**
 * Offline sign-in against the local verifier, its lock-out, going online again, and an account the clinic disabled:
 * a real sync server (PGlite on disk, stopped and started) and real SQLCipher workstations.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readOfflineCredentialByEmail, readRecord } from '../../../src/host/db/readers.ts';
import { NEVER_SIGNED_IN_HERE } from '../../../src/host/session/offlineSignIn.ts';
import { hostAuditEntries } from '../audit/hostAudit.ts';
import { patientInput } from '../support/patients.ts';
import { ADMIN, hostAppCode, setUpClinicOnHost, signInOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const NURSE = { name: 'Nina Nurse', email: 'nina@riverbend.test', password: 'a long nurse password 7' };

/** A clock the test moves: the local lock-out reads it. */
function handClock(start = Date.now()) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('offline sign-in', () => {
  let server: TestServer;
  let admin: TestHost;
  let ward: TestHost;
  let nurseId: string;
  const clock = handClock();

  before(async () => {
    server = await startTestServer({ persistent: true });
    admin = await startTestHost(server.url);
    await setUpClinicOnHost(admin.caller, server, ADMIN);
    nurseId = (await admin.caller.adminUsers.create({ ...NURSE, role: 'nurse' })).id;
    ward = await startTestHost(server.url, { clock: clock.now });
    await signInOnHost(ward.caller, server, NURSE);
    await ward.caller.session.signOut();
  });
  after(async () => {
    await ward?.remove();
    await admin?.remove();
    await server?.remove();
  });

  it('keeps a verifier (argon2id, never the password) for whoever signed in online here', () => {
    const store = ward.openStore();
    try {
      const credential = readOfflineCredentialByEmail(store.db, NURSE.email);
      assert.equal(credential?.userId, nurseId);
      assert.match(credential?.verifier ?? '', /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      assert.ok(!credential?.verifier.includes(NURSE.password));
    } finally {
      store.close();
    }
  });

  it('with the server down, signs in offline someone who signed in online here, and says so', async () => {
    await server.stop();
    const status = await ward.caller.session.signIn({ email: NURSE.email.toUpperCase(), password: NURSE.password });
    assert.deepEqual([status.state, status.user?.id, status.signedInOffline, status.online], ['signed-in', nurseId, true, false]);
    const signIn = hostAuditEntries(ward.host).findLast((entry) => entry.event.action === 'sign-in');
    assert.deepEqual([signIn?.event.actor.userId, signIn?.event.detail.mode], [nurseId, 'offline']);
    // Charting goes on offline: the change waits in the outbox under the nurse's name.
    await ward.caller.patients.register(patientInput({ givenName: 'Offline', familyName: 'Admission' }));
    assert.equal((await ward.host.syncNow()).pending, 1);
    await ward.caller.session.signOut();
  });

  it('refuses offline anyone who never signed in online on this workstation, saying why', async () => {
    await admin.caller.session.signOut();
    await assert.rejects(admin.caller.session.signIn(NURSE), (error: unknown) => {
      assert.equal(hostAppCode(error), 'OFFLINE');
      assert.equal((error as Error).message, NEVER_SIGNED_IN_HERE);
      return true;
    });
    assert.equal((await admin.caller.session.status()).state, 'signed-out');
  });

  it('counts wrong passwords toward a lock-out that survives a restart and ends with time', async () => {
    const wrong = { email: NURSE.email, password: 'not the nurse password' };
    for (let attempt = 1; attempt <= 4; attempt++) {
      await assert.rejects(ward.caller.session.signIn(wrong), (error: unknown) => hostAppCode(error) === 'UNAUTHORIZED');
    }
    await assert.rejects(ward.caller.session.signIn(wrong), (error: unknown) => hostAppCode(error) === 'FORBIDDEN' && /Try again in 30 seconds/.test((error as Error).message));
    await ward.restart();
    await assert.rejects(ward.caller.session.signIn(NURSE), (error: unknown) => hostAppCode(error) === 'FORBIDDEN');
    assert.equal((await ward.caller.session.status()).state, 'signed-out');
    clock.advance(31_000);
    assert.equal((await ward.caller.session.signIn(NURSE)).signedInOffline, true);
  });

  it('goes online by itself when the server is back, and the offline change reaches it credited to its author', async () => {
    await server.start();
    const synced = await ward.host.syncNow();
    assert.equal(synced.pending, 0);
    const status = await ward.caller.session.status();
    assert.deepEqual([status.state, status.signedInOffline, status.online], ['signed-in', false, true]);

    await signInOnHost(admin.caller, server, ADMIN);
    await admin.host.syncNow();
    const [admission] = (await admin.caller.patients.search({ query: 'Offline Admission' })).results;
    const store = admin.openStore();
    try {
      assert.equal(readRecord(store.db, 'patient', admission!.id)?.updatedBy.userId, nurseId);
    } finally {
      store.close();
    }
  });

  it('a user disabled on the server: the next sync ends their session, and offline sign-in is refused from then on', async () => {
    await admin.caller.adminUsers.setActive({ userId: nurseId, active: false });
    await ward.host.syncNow();
    const ended = await ward.caller.session.status();
    assert.deepEqual([ended.state, ended.user], ['signed-out', null]);
    const signOut = hostAuditEntries(ward.host).findLast((entry) => entry.event.action === 'sign-out');
    assert.deepEqual([signOut?.event.actor.userId, signOut?.event.detail.reason], [nurseId, 'account-disabled']);

    await server.stop();
    await assert.rejects(ward.caller.session.signIn(NURSE), (error: unknown) => hostAppCode(error) === 'ACCOUNT_DISABLED');
    assert.equal((await ward.caller.session.status()).state, 'signed-out');
    await server.start();
  });

  it('an offline session of a user disabled meanwhile ends when the server is back', async () => {
    await admin.caller.adminUsers.setActive({ userId: nurseId, active: true });
    await signInOnHost(ward.caller, server, NURSE);
    await ward.caller.session.signOut();
    await server.stop();
    assert.equal((await ward.caller.session.signIn(NURSE)).signedInOffline, true);
    await server.start();
    await signInOnHost(admin.caller, server, ADMIN);
    await admin.caller.adminUsers.setActive({ userId: nurseId, active: false });

    await ward.host.syncNow();
    assert.equal((await ward.caller.session.status()).state, 'signed-out');
    await server.stop();
    await assert.rejects(ward.caller.session.signIn(NURSE), (error: unknown) => hostAppCode(error) === 'ACCOUNT_DISABLED');
    await server.start();
  });
});
