import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditActions, type AuditAction } from '@eonpro/core';
import type { HostRuntime } from '../../../src/host/hostRuntime.ts';
import { patientInput } from '../support/patients.ts';
import { readSyntheaBundles } from '../support/synthea.ts';
import { ADMIN, setUpClinicOnHost, signInOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { hostAuditEntries } from './hostAudit.ts';

/**
 * The kinds of event issue 4 requires in the audit trail, each with the actions that record it. Every action must be
 * one core knows, and each must turn up in a trail after the flows below run them for real (workstation and server).
 */
const requiredKinds: { kind: string; actions: AuditAction[] }[] = [
  { kind: 'view chart', actions: ['view'] },
  { kind: 'search', actions: ['search'] },
  { kind: 'create', actions: ['create'] },
  { kind: 'change', actions: ['update'] },
  { kind: 'delete', actions: ['delete'] },
  { kind: 'sign', actions: ['sign'] },
  { kind: 'print', actions: ['print'] },
  { kind: 'export', actions: ['export', 'audit-export'] },
  { kind: 'sign-in and sign-out', actions: ['sign-in', 'sign-out'] },
  { kind: 'failures and denials', actions: ['sign-in-failed', 'access-denied'] },
  { kind: 'role change', actions: ['role-change'] },
  { kind: 'MFA', actions: ['mfa-enrol', 'mfa-verify'] },
  { kind: 'device', actions: ['device-register', 'device-approve'] },
  { kind: 'break-glass', actions: ['break-glass'] },
  { kind: 'import', actions: ['import'] },
  { kind: 'sync push and pull', actions: ['sync-push', 'sync-pull'] },
];

/**
 * Kinds no flow records yet, named here so the gap stays visible: clinical entries are corrected or marked entered in
 * error by an amending entry (a `create`), so nothing deletes a record yet, and prescriptions (signing) are not built.
 * When a flow starts recording one, this test fails until the kind is moved out of this list.
 */
const notYetEmitted = new Set(['delete', 'sign']);

describe('audit completeness: every kind of event the issue names is recorded somewhere', () => {
  let server: TestServer;
  let t: TestHost;
  let emitted: Set<string>;

  before(async () => {
    server = await startTestServer();
    t = await startTestHost(server.url);
    await setUpClinicOnHost(t.caller, server, ADMIN);
    await runEveryFlow();
    emitted = new Set([...hostAuditEntries(t.host).map((entry) => entry.event.action), ...(await serverActions())]);
  });
  after(async () => {
    await t?.remove();
    await server?.remove();
  });

  const runtime = (): HostRuntime => t.host.createContext().host;

  /** What people do at a workstation and at the clinic's administration, once each. */
  async function runEveryFlow(): Promise<void> {
    const { caller } = t;
    const { id } = await caller.patients.register(patientInput({ givenName: 'Complete', familyName: 'Audit' }));
    const { rev } = await caller.patients.get({ id });
    await caller.patients.update({ id, baseRev: rev, changes: { phone: '555-0123' } });
    await caller.chart.summary({ patientId: id });
    await caller.patients.search({ query: 'Complete Audit' });
    await caller.chart.print({ patientId: id });
    await caller.chart.exportFhir({ patientId: id });
    const [fixture] = readSyntheaBundles();
    await caller.imports.bundle({ fileName: fixture!.fileName, bundle: fixture!.bundle });

    const staff = await caller.adminUsers.create({ name: 'Rui Reception', email: 'rui@riverbend.test', role: 'front_desk', password: 'lantern orchard ninety' });
    await caller.adminUsers.setRole({ userId: staff.id, role: 'nurse' });

    const restricted = await caller.patients.register(patientInput({ givenName: 'Guarded', familyName: 'Record', restricted: true }));
    await caller.session.signOut();
    await caller.patients.search({ query: 'anyone' }).catch(() => undefined);
    await caller.session.signIn({ email: ADMIN.email, password: 'not the password at all' }).catch(() => undefined);
    await signInOnHost(caller, server, ADMIN);
    await caller.chart.summary({ patientId: restricted.id }).catch(() => undefined);
    await caller.patients.breakGlass({ patientId: restricted.id, category: 'clinical-review', reason: 'Completeness test of the audit trail' });
    await caller.chart.summary({ patientId: restricted.id });

    const status = await t.host.syncNow();
    assert.equal(status.state, 'idle', status.lastError ?? '');
    await runtime().connection.authorized((client) => client.audit.exportCsv.query({}));
  }

  /** Every action in the clinic's server chain, read as the administrator through the report. */
  async function serverActions(): Promise<string[]> {
    const actions: string[] = [];
    let cursor: number | null = null;
    do {
      const page: { entries: { action: string }[]; nextCursor: number | null } = await runtime().connection.authorized((client) =>
        client.audit.search.query({ limit: 500, ...(cursor === null ? {} : { cursor }) }),
      );
      actions.push(...page.entries.map((entry) => entry.action));
      cursor = page.nextCursor;
    } while (cursor !== null);
    return actions;
  }

  it('names only actions core knows', () => {
    for (const { kind, actions } of requiredKinds) {
      for (const action of actions) assert.ok((auditActions as readonly string[]).includes(action), `${kind}: ${action} is not a core audit action`);
    }
  });

  for (const { kind, actions } of requiredKinds) {
    if (notYetEmitted.has(kind)) {
      it(`${kind}: not recorded by any flow yet (${actions.join(', ')})`, () => {
        assert.deepEqual(actions.filter((action) => emitted.has(action)), []);
      });
    } else {
      it(`${kind}: recorded as ${actions.join(' and ')}`, () => {
        assert.deepEqual(actions.filter((action) => !emitted.has(action)), []);
      });
    }
  }
});
