import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TRPCError } from '@trpc/server';
import type { DeviceAuditEvent } from '@eonpro/core';
import { auditedProcedures } from '../../../src/host/audit/auditedProcedures.ts';
import { PassphraseKeyProvider } from '../../../src/host/keys/passphraseKeyProvider.ts';
import { startHost } from '../../../src/host/startHost.ts';
import { hostRouter } from '../../../src/host/trpc/root.ts';
import { patientInput } from '../support/patients.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { ADMIN, setUpClinicOnHost, signInOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { auditTableText, hostAuditEntries, hostDb } from './hostAudit.ts';

/** The fields an auditor reads first. */
function summary(event: DeviceAuditEvent) {
  return { action: event.action, outcome: event.outcome, userId: event.actor.userId, patientId: event.patientId, detail: event.detail };
}

describe('host calls in the workstation audit chain', () => {
  let server: TestServer;
  let t: TestHost;
  let adminId: string;
  before(async () => {
    server = await startTestServer();
    t = await startTestHost(server.url);
    adminId = (await setUpClinicOnHost(t.caller, server, ADMIN)).user!.id;
  });
  after(async () => {
    await t?.remove();
    await server?.remove();
  });

  /** Runs `call` and answers the audit entries it recorded. */
  async function recorded(call: () => Promise<unknown>): Promise<DeviceAuditEvent[]> {
    const before = hostAuditEntries(t.host).length;
    await call().catch(() => undefined);
    return hostAuditEntries(t.host, before).map((entry) => entry.event);
  }

  it('every host procedure says how it is audited, and the list names no procedure that is gone', () => {
    const procedures = Object.keys(hostRouter._def.procedures).sort();
    assert.deepEqual(Object.keys(auditedProcedures).sort(), procedures);
  });

  it('the first sign-in binds the workstation and is the chain’s first entry', () => {
    const [first] = hostAuditEntries(t.host);
    assert.deepEqual(summary(first!.event), { action: 'sign-in', outcome: 'success', userId: adminId, patientId: null, detail: {} });
    assert.equal(first!.event.actor.role, 'admin');
    assert.equal(first!.deviceSeq, 1);
  });

  it('opening a patient or their chart records a view of that patient', async () => {
    const { id } = await t.caller.patients.register(patientInput({ givenName: 'Viewable', familyName: 'Patient' }));
    const views = [...(await recorded(() => t.caller.patients.get({ id }))), ...(await recorded(() => t.caller.chart.summary({ patientId: id })))];
    assert.deepEqual(views.map(summary), [
      { action: 'view', outcome: 'success', userId: adminId, patientId: id, detail: { procedure: 'patients.get' } },
      { action: 'view', outcome: 'success', userId: adminId, patientId: id, detail: { procedure: 'chart.summary' } },
    ]);
  });

  it('a search records its shape and result count, and never what was typed', async () => {
    const canary = { givenName: 'Quillonia', familyName: 'Vesperdrake', mrn: 'Q7CANARY-42', birthDate: '1931-02-27', phone: '555-0177' };
    const { id } = await t.caller.patients.register(patientInput(canary));
    const searches = [
      ...(await recorded(() => t.caller.patients.search({ query: 'Quillonia Vesperdrake' }))),
      ...(await recorded(() => t.caller.patients.search({ query: 'Vesperdrak, Quilonia' }))),
      ...(await recorded(() => t.caller.patients.search({ query: 'MRN Q7CANARY-42' }))),
      ...(await recorded(() => t.caller.patients.search({ query: '02/27/1931' }))),
      ...(await recorded(() => t.caller.patients.possibleDuplicates({ givenName: 'Quillonia', familyName: 'Vesperdrake', birthDate: '1931-02-27' }))),
    ];
    assert.deepEqual(
      searches.map((event) => [event.action, event.patientId, event.detail]),
      [
        ['search', null, { kind: 'name', tokens: 2, results: 1, procedure: 'patients.search' }],
        ['search', null, { kind: 'name', tokens: 2, results: 1, procedure: 'patients.search' }],
        ['search', null, { kind: 'mrn', tokens: 1, results: 1, procedure: 'patients.search' }],
        ['search', null, { kind: 'birthDate', tokens: 1, results: 1, procedure: 'patients.search' }],
        ['search', null, { kind: 'duplicates', results: 1, procedure: 'patients.possibleDuplicates' }],
      ],
    );
    const table = auditTableText(hostDb(t.host)).toLowerCase();
    for (const planted of ['Quillonia', 'Quilonia', 'Vesperdrake', 'Vesperdrak', 'Q7CANARY', '1931-02-27', '02/27/1931', '555-0177']) {
      assert.equal(table.includes(planted.toLowerCase()), false, `the audit table holds "${planted}"`);
    }
    assert.ok(table.includes(id), 'the registration is recorded by the patient’s id');
  });

  it('a refused change is recorded as a failure of that change, naming the patient', async () => {
    const { id } = await t.caller.patients.register(patientInput({ givenName: 'Stale', familyName: 'Edit' }));
    const { rev } = await t.caller.patients.get({ id });
    await t.caller.patients.update({ id, baseRev: rev, changes: { phone: '555-0101' } });
    const events = await recorded(() => t.caller.patients.update({ id, baseRev: rev, changes: { phone: '555-0102' } }));
    assert.deepEqual(events.map(summary), [
      { action: 'update', outcome: 'failure', userId: adminId, patientId: id, detail: { code: 'CONFLICT', procedure: 'patients.update' } },
    ]);
  });

  it('input the host refuses is recorded as a failure with its code, not the input', async () => {
    const events = await recorded(() => t.caller.patients.register({ givenName: 'Ottoline', familyName: '', birthDate: '1990-01-01', sex: 'female' }));
    assert.deepEqual(events.map(summary), [
      { action: 'create', outcome: 'failure', userId: adminId, patientId: null, detail: { code: 'VALIDATION', procedure: 'patients.register' } },
    ]);
    assert.equal(auditTableText(hostDb(t.host)).includes('Ottoline'), false);
  });

  it('a read that cannot be recorded is refused: no patient data leaves unrecorded', async () => {
    const { id } = await t.caller.patients.register(patientInput({ givenName: 'Unrecorded', familyName: 'Read' }));
    const db = hostDb(t.host);
    db.exec(`CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      await assert.rejects(t.caller.chart.summary({ patientId: id }), (error: unknown) => error instanceof TRPCError && error.code === 'INTERNAL_SERVER_ERROR');
    } finally {
      db.exec('DROP TRIGGER refuse_audit');
    }
  });

  it('signing out, a wrong password, a call without sign-in and signing in again are each recorded', async () => {
    const events = [
      ...(await recorded(() => t.caller.session.signOut())),
      ...(await recorded(() => t.caller.patients.search({ query: 'anyone' }))),
      ...(await recorded(() => t.caller.session.signIn({ email: ADMIN.email, password: 'not the password at all' }))),
      ...(await recorded(() => signInOnHost(t.caller, server, ADMIN))),
    ];
    assert.deepEqual(events.map(summary), [
      { action: 'sign-out', outcome: 'success', userId: adminId, patientId: null, detail: { procedure: 'session.signOut' } },
      { action: 'access-denied', outcome: 'denied', userId: null, patientId: null, detail: { code: 'UNAUTHORIZED', procedure: 'patients.search' } },
      { action: 'sign-in-failed', outcome: 'failure', userId: null, patientId: null, detail: { code: 'UNAUTHORIZED', procedure: 'session.signIn' } },
      { action: 'sign-in', outcome: 'success', userId: adminId, patientId: null, detail: {} },
    ]);
    assert.equal(auditTableText(hostDb(t.host)).includes(ADMIN.email), false);
  });
});

describe('unlocking a workstation in the audit chain', () => {
  it('records the unlock of a workstation that belongs to a clinic; the first unlock, before any clinic, records nothing', async () => {
    const server = await startTestServer();
    const temp = makeTempDir();
    const keyPath = join(temp.dir, 'workstation-key.json');
    const passphrase = 'a long workstation passphrase';
    try {
      let host = await startHost({ dataDir: temp.dir, serverUrl: server.url, keyProvider: new PassphraseKeyProvider(keyPath) });
      let caller = host.router.createCaller(host.createContext());
      await caller.session.unlockWorkstation({ passphrase });
      assert.deepEqual(hostAuditEntries(host), []);
      await setUpClinicOnHost(caller, server, ADMIN);
      await host.close();

      host = await startHost({ dataDir: temp.dir, serverUrl: server.url, keyProvider: new PassphraseKeyProvider(keyPath) });
      caller = host.router.createCaller(host.createContext());
      await caller.session.unlockWorkstation({ passphrase });
      const events = hostAuditEntries(host).map((entry) => entry.event);
      assert.deepEqual(events.map((event) => [event.action, event.actor.userId]), [
        ['sign-in', events[0]!.actor.userId],
        ['workstation-unlock', null],
      ]);
      await host.close();
    } finally {
      temp.remove();
      await server.remove();
    }
  });
});
