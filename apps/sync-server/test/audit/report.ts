import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { recordAuditEvents } from '../../src/audit/recordAuditEvent.ts';
import { rejectsWithCode } from '../support/assertions.ts';
import { TestClinic, type TestDevice } from '../support/testServer.ts';
import type { SuiteContext } from '../suites/suiteContext.ts';
import { deviceEntries, readChain, viewEvent } from './auditFixtures.ts';

interface Planted {
  clinic: TestClinic;
  auditor: TestDevice;
  users: [string, string];
  patients: [string, string];
}

/** Six events on three days: two users, two patients, views and prints. */
async function plantEvents(clinic: TestClinic, auditor: TestDevice): Promise<Planted> {
  const users: [string, string] = [randomUUID(), randomUUID()];
  const patients: [string, string] = [randomUUID(), randomUUID()];
  const at = (day: number, user: 0 | 1, patient: 0 | 1, action: 'view' | 'print') =>
    viewEvent(clinic.tenantId, { occurredAt: `2024-05-${day}T10:00:00.000Z`, actor: { userId: users[user], role: 'nurse' }, patientId: patients[patient], action });
  const events = [at(10, 0, 0, 'view'), at(10, 1, 0, 'print'), at(11, 0, 1, 'view'), at(11, 1, 1, 'view'), at(12, 0, 0, 'print'), at(12, 1, 1, 'print')];
  await withTenant(clinic.services.db, clinic.tenantId, (tx) => recordAuditEvents(tx, events));
  return { clinic, auditor, users, patients };
}

export function reportTests({ services }: SuiteContext): void {
  async function planted(): Promise<Planted> {
    const clinic = await TestClinic.create(services());
    return plantEvents(clinic, await clinic.device(await clinic.addUser('auditor')));
  }

  describe('audit report', () => {
    it('is closed to nurses and front desk, and records their attempts', async () => {
      const clinic = await TestClinic.create(services());
      for (const role of ['nurse', 'front_desk'] as const) {
        const user = await clinic.device(await clinic.addUser(role));
        await rejectsWithCode(user.caller.audit.search({}), 'FORBIDDEN');
        await rejectsWithCode(user.caller.audit.exportCsv({}), 'FORBIDDEN');
        await rejectsWithCode(user.caller.audit.verify({}), 'FORBIDDEN');
        await rejectsWithCode(user.caller.audit.checkpoint({}), 'FORBIDDEN');
      }
      const denied = (await readChain(services(), clinic.tenantId)).filter((entry) => entry.event.action === 'access-denied');
      assert.deepEqual(
        denied.map((entry) => [entry.event.actor.role, entry.event.detail.procedure]),
        ['nurse', 'front_desk'].flatMap((role) => ['audit.search', 'audit.exportCsv', 'audit.verify', 'audit.checkpoint'].map((procedure) => [role, procedure])),
      );
    });

    it('filters by user, patient, action and date range, newest first', async () => {
      const { auditor, users, patients } = await planted();
      const search = async (filters: Record<string, string>) =>
        (await auditor.caller.audit.search(filters)).entries.map((row) => [row.occurredAt.slice(8, 10), row.userId === users[0] ? 'u0' : 'u1', row.patientId === patients[0] ? 'p0' : 'p1', row.action]);
      assert.deepEqual(await search({ userId: users[0] }), [['12', 'u0', 'p0', 'print'], ['11', 'u0', 'p1', 'view'], ['10', 'u0', 'p0', 'view']]);
      assert.deepEqual(await search({ patientId: patients[1] }), [['12', 'u1', 'p1', 'print'], ['11', 'u1', 'p1', 'view'], ['11', 'u0', 'p1', 'view']]);
      assert.deepEqual(await search({ action: 'print' }), [['12', 'u1', 'p1', 'print'], ['12', 'u0', 'p0', 'print'], ['10', 'u1', 'p0', 'print']]);
      assert.deepEqual(await search({ from: '2024-05-11T00:00:00Z', to: '2024-05-12T00:00:00Z' }), [['11', 'u1', 'p1', 'view'], ['11', 'u0', 'p1', 'view']]);
      assert.deepEqual(await search({ userId: users[1], action: 'view', from: '2024-05-10T10:00:00.000Z' }), [['11', 'u1', 'p1', 'view']]);
    });

    it('pages through the report with a cursor', async () => {
      const { auditor, users } = await planted();
      const seen: number[] = [];
      let cursor: number | undefined;
      do {
        const page = await auditor.caller.audit.search({ userId: users[1], limit: 2, ...(cursor ? { cursor } : {}) });
        seen.push(...page.entries.map((row) => row.seq));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.equal(seen.length, 3);
      assert.deepEqual(seen, [...seen].sort((a, b) => b - a));
    });

    it('refuses a date range that ends before it starts, naming the field', async () => {
      const { auditor } = await planted();
      const error = await rejectsWithCode(auditor.caller.audit.search({ from: '2024-05-12T00:00:00Z', to: '2024-05-11T00:00:00Z' }), 'BAD_REQUEST');
      const [issue] = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
      assert.deepEqual([issue?.path, issue?.message], [['to'], 'Must be after the start of the range']);
    });

    it('records reading and exporting the audit trail, with the filters used but not their values', async () => {
      const { clinic, auditor, patients } = await planted();
      await auditor.caller.audit.search({ patientId: patients[0], action: 'view' });
      // From 11 May on: four planted events, and everything that happened today (setting the clinic up, the sign-ins,
      // the search just made).
      const fromMay11 = (await readChain(services(), clinic.tenantId)).filter((entry) => entry.event.occurredAt >= '2024-05-11T00:00:00Z').length;
      await auditor.caller.audit.exportCsv({ from: '2024-05-11T00:00:00Z' });
      const reads = (await readChain(services(), clinic.tenantId)).filter((entry) => ['audit-read', 'audit-export'].includes(entry.event.action));
      assert.deepEqual(
        reads.map(({ event }) => [event.action, event.actor.userId, event.patientId, event.detail]),
        [
          ['audit-read', auditor.session.user.id, patients[0], { procedure: 'audit.search', byUser: false, byPatient: true, byAction: 'view', byDate: false, rows: 1 }],
          ['audit-export', auditor.session.user.id, null, { procedure: 'audit.exportCsv', byUser: false, byPatient: false, byAction: null, byDate: true, rows: fromMay11 }],
        ],
      );
    });

    it('exports CSV with a header, every filtered entry oldest first, and awkward text escaped', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      // Setting up (the workstation registered and approved, the authenticator) ends with the admin's sign-in.
      const signedIn = (await readChain(services(), clinic.tenantId)).length;
      const entries = deviceEntries(clinic.tenantId, admin.deviceId, 1, { workstation: '=cmd|"Room 2, East"' });
      await admin.caller.audit.pushDeviceEntries({ deviceId: admin.deviceId, entries });

      const { fileName, csv } = await admin.caller.audit.exportCsv({});
      assert.match(fileName, /^audit-trail-[0-9TZ.-]+\.csv$/);
      const lines = csv.split('\r\n');
      assert.equal(lines[0], 'seq,occurredAt,recordedAt,userId,role,deviceId,workstation,patientId,action,outcome,entity,recordId,recordRev,deviceSeq,id,detail');
      assert.equal(lines.at(-1), '');
      assert.equal(lines.length, 2 + signedIn + 1);
      assert.match(lines[signedIn]!, new RegExp(`^${signedIn},.*,sign-in,success,`));
      const pushed = lines[signedIn + 1]!;
      assert.ok(pushed.includes(`,"'=cmd|""Room 2, East""",`), pushed);
      assert.ok(pushed.endsWith(',{}'));
    });
  });
}
