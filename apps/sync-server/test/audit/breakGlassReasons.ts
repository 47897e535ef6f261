import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AppError, appendToDeviceChain, deviceHeadOf, genesisHead, reasonDigest, uuidv7, type DeviceChainEntry, type Issue } from '@eonpro/core';
import type { TRPCError } from '@trpc/server';
import { BREAK_GLASS_REASON_PURPOSE } from '../../src/audit/breakGlassReasons.ts';
import { sha256Hex } from '../../src/audit/chainHash.ts';
import type { Transaction } from '../../src/db/database.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { dumpEveryRow } from '../keys/plaintextDump.ts';
import { rejectsWithCode } from '../support/assertions.ts';
import { callerFor, TestClinic, type TestDevice } from '../support/testServer.ts';
import type { SuiteContext } from '../suites/suiteContext.ts';
import { readChain } from './auditFixtures.ts';

/** Distinctive texts, so a search of every table and log line cannot miss them. */
const REASON = 'Canary Quillfeather collapsed in the waiting room, needs her allergy list';
const OTHER_REASON = 'Canary Brightwater asked for a copy of her own chart at reception';

interface BreakGlass {
  userId: string;
  patientId: string;
  reasonText: string;
  occurredAt?: string;
}

/** A workstation's chain as its host writes it: a view, then one break-glass entry per grant, each with its reason's digest. */
function chainWithBreakGlass(tenantId: string, deviceId: string, grants: readonly BreakGlass[]): DeviceChainEntry[] {
  const entries: DeviceChainEntry[] = [];
  let head = genesisHead;
  const events = [
    { userId: uuidv7(), patientId: uuidv7(), action: 'view' as const, detail: {}, occurredAt: '2024-05-09T09:00:00.000Z' },
    ...grants.map((grant, index) => ({
      userId: grant.userId,
      patientId: grant.patientId,
      action: 'break-glass' as const,
      detail: { category: 'emergency-care', reasonLength: grant.reasonText.length, reasonDigest: reasonDigest(grant.reasonText, sha256Hex) },
      occurredAt: grant.occurredAt ?? `2024-05-10T10:00:0${index}.000Z`,
    })),
  ];
  for (const event of events) {
    const entry = appendToDeviceChain(
      head,
      {
        id: uuidv7(),
        tenantId,
        occurredAt: event.occurredAt,
        actor: { userId: event.userId, role: 'nurse' },
        device: { deviceId, workstation: 'Ward PC' },
        patientId: event.patientId,
        action: event.action,
        outcome: 'success',
        entity: null,
        recordId: null,
        recordRev: null,
        detail: event.detail,
      },
      sha256Hex,
    );
    entries.push(entry);
    head = deviceHeadOf(entry);
  }
  return entries;
}

function reasonsOf(entries: readonly DeviceChainEntry[], grants: readonly BreakGlass[]) {
  return entries.slice(1).map((entry, index) => ({ auditEventId: entry.event.id, reasonText: grants[index]!.reasonText }));
}

function issuesOf(error: TRPCError): Issue[] {
  return error.cause instanceof AppError ? error.cause.issues : [];
}

export function breakGlassReasonTests({ services }: SuiteContext): void {
  interface Planted {
    clinic: TestClinic;
    workstation: TestDevice;
    auditor: TestDevice;
    entries: DeviceChainEntry[];
    grants: BreakGlass[];
  }

  /** A clinic whose workstation has synced two break-glass accesses by two users to two patients. */
  async function planted(): Promise<Planted> {
    const clinic = await TestClinic.create(services());
    const workstation = await clinic.device();
    const auditor = await clinic.device(await clinic.addUser('auditor'));
    const grants: BreakGlass[] = [
      { userId: uuidv7(), patientId: uuidv7(), reasonText: REASON },
      { userId: uuidv7(), patientId: uuidv7(), reasonText: OTHER_REASON, occurredAt: '2024-05-12T08:00:00.000Z' },
    ];
    const entries = chainWithBreakGlass(clinic.tenantId, workstation.deviceId, grants);
    await workstation.caller.audit.pushDeviceEntries({ deviceId: workstation.deviceId, entries, breakGlassReasons: reasonsOf(entries, grants) });
    return { clinic, workstation, auditor, entries, grants };
  }

  /** Changes a stored reason as someone with the database's keys could, the append-only trigger switched off. */
  function tamperReasons(clinic: TestClinic, change: (tx: Transaction) => Promise<unknown>): Promise<void> {
    return services().db.transaction(async (tx) => {
      await tx.query(`select set_config('app.tenant_id', $1, true)`, [clinic.tenantId]);
      await tx.query('alter table break_glass_reasons disable trigger break_glass_reasons_append_only');
      await change(tx);
      await tx.query('alter table break_glass_reasons enable trigger break_glass_reasons_append_only');
    });
  }

  describe('break-glass reasons', () => {
    it('travel with their audit entries and open for an auditor, with the filters of the audit report', async () => {
      const { auditor, entries, grants } = await planted();
      assert.equal((await auditor.caller.audit.verify({})).ok, true, 'reasons that match their digests verify');
      const { entries: reviews, nextCursor } = await auditor.caller.audit.breakGlassReviews({});
      assert.equal(nextCursor, null);
      assert.deepEqual(
        reviews.map((review) => [review.id, review.userId, review.patientId, review.category, review.reasonText, review.reasonCheck]),
        [
          [entries[2]!.event.id, grants[1]!.userId, grants[1]!.patientId, 'emergency-care', OTHER_REASON, 'matches'],
          [entries[1]!.event.id, grants[0]!.userId, grants[0]!.patientId, 'emergency-care', REASON, 'matches'],
        ],
      );
      const texts = async (filters: Record<string, string>) => (await auditor.caller.audit.breakGlassReviews(filters)).entries.map((review) => review.reasonText);
      assert.deepEqual(await texts({ userId: grants[0]!.userId }), [REASON]);
      assert.deepEqual(await texts({ patientId: grants[1]!.patientId }), [OTHER_REASON]);
      assert.deepEqual(await texts({ from: '2024-05-11T00:00:00Z' }), [OTHER_REASON]);
      assert.deepEqual(await texts({ to: '2024-05-11T00:00:00Z' }), [REASON]);
      const firstPage = await auditor.caller.audit.breakGlassReviews({ limit: 1 });
      assert.deepEqual([firstPage.entries.length, firstPage.nextCursor], [1, firstPage.entries[0]!.seq]);
    });

    it('are read by admins and auditors only; each reading is recorded as an audit read, never with the text', async () => {
      const { clinic, auditor, grants } = await planted();
      for (const role of ['nurse', 'front_desk', 'prescriber'] as const) {
        const user = await clinic.device(await clinic.addUser(role));
        await rejectsWithCode(user.caller.audit.breakGlassReviews({}), 'FORBIDDEN');
      }
      const admin = await clinic.device();
      assert.equal((await admin.caller.audit.breakGlassReviews({})).entries.length, 2);
      await auditor.caller.audit.breakGlassReviews({ patientId: grants[0]!.patientId });

      const chain = await readChain(services(), clinic.tenantId);
      const denied = chain.filter((entry) => entry.event.action === 'access-denied' && entry.event.detail.procedure === 'audit.breakGlassReviews');
      assert.deepEqual(denied.map((entry) => entry.event.actor.role), ['nurse', 'front_desk', 'prescriber']);
      const reads = chain.filter((entry) => entry.event.action === 'audit-read' && entry.event.detail.procedure === 'audit.breakGlassReviews');
      assert.deepEqual(
        reads.map((entry) => [entry.event.actor.role, entry.event.patientId, entry.event.detail.byAction, entry.event.detail.rows]),
        [['admin', null, 'break-glass', 2], ['auditor', grants[0]!.patientId, 'break-glass', 1]],
      );
      assert.ok(!JSON.stringify(chain).includes('Canary'));
    });

    it('are kept sealed: no table holds a reason in plaintext', async () => {
      const { clinic } = await planted();
      const rows = await dumpEveryRow(services().db, clinic.tenantId);
      // PGlite's superuser is not held by row-level security: this clinic's rows are those naming it.
      const reasonRows = rows.filter((row) => row.startsWith('break_glass_reasons: ') && row.includes(clinic.tenantId));
      assert.equal(reasonRows.length, 2);
      assert.deepEqual(rows.filter((row) => row.includes('Canary') || row.includes('Quillfeather') || row.includes('waiting room')), []);
    });

    it('show a refused attempt, which vouches for no reason, as having none', async () => {
      const { workstation, auditor, entries } = await planted();
      const refused = appendToDeviceChain(
        deviceHeadOf(entries.at(-1)!),
        { ...entries[1]!.event, id: uuidv7(), outcome: 'failure', detail: { procedure: 'patients.breakGlass', code: 'VALIDATION' } },
        sha256Hex,
      );
      await workstation.caller.audit.pushDeviceEntries({ deviceId: workstation.deviceId, entries: [refused] });
      const [latest] = (await auditor.caller.audit.breakGlassReviews({})).entries;
      assert.deepEqual([latest!.id, latest!.outcome, latest!.reasonText, latest!.reasonCheck], [refused.event.id, 'failure', null, 'none']);
    });

    it('are taken in once when a batch is resent', async () => {
      const { clinic, workstation, auditor, entries, grants } = await planted();
      const again = await workstation.caller.audit.pushDeviceEntries({ deviceId: workstation.deviceId, entries, breakGlassReasons: reasonsOf(entries, grants) });
      assert.deepEqual([again.appended, again.alreadyHeld], [0, 3]);
      const count = await withTenant(services().db, clinic.tenantId, (tx) => tx.query<{ n: number }>('select count(*)::int as n from break_glass_reasons'));
      assert.equal(count[0]!.n, 2);
      assert.equal((await auditor.caller.audit.breakGlassReviews({})).entries.length, 2);
    });

    it('refuse a reason that does not match its entry, one for no break-glass entry, and an entry without its reason, taking in nothing', async () => {
      const clinic = await TestClinic.create(services());
      const workstation = await clinic.device();
      const grants = [{ userId: uuidv7(), patientId: uuidv7(), reasonText: REASON }];
      const entries = chainWithBreakGlass(clinic.tenantId, workstation.deviceId, grants);
      const push = (breakGlassReasons: { auditEventId: string; reasonText: string }[]) =>
        workstation.caller.audit.pushDeviceEntries({ deviceId: workstation.deviceId, entries, breakGlassReasons });

      const changed = await rejectsWithCode(push([{ auditEventId: entries[1]!.event.id, reasonText: OTHER_REASON }]), 'BAD_REQUEST');
      assert.deepEqual(issuesOf(changed), [{ path: 'breakGlassReasons[0]', message: 'Does not match the digest its audit entry carries' }]);
      const stray = await rejectsWithCode(push([{ auditEventId: entries[0]!.event.id, reasonText: REASON }]), 'BAD_REQUEST');
      assert.deepEqual(issuesOf(stray).map((issue) => issue.path), ['breakGlassReasons[0]']);
      const missing = await rejectsWithCode(push([]), 'BAD_REQUEST');
      assert.deepEqual(issuesOf(missing), [{ path: 'entries[1]', message: 'Its reason is missing from breakGlassReasons' }]);
      for (const error of [changed, stray, missing]) assert.ok(!JSON.stringify({ message: error.message, issues: issuesOf(error) }).includes('Canary'));

      assert.deepEqual(await workstation.caller.audit.deviceHead({ deviceId: workstation.deviceId }), { seq: 0, hash: genesisHead.hash });
    });

    it('name a reason changed, moved, unreadable or deleted after it was stored: it no longer matches its chained digest', async () => {
      const { clinic, auditor, entries } = await planted();
      const [first, second] = [entries[1]!.event.id, entries[2]!.event.id];
      // Someone with the keys seals a new text for the first entry; the second gets a value that does not open.
      const forged = await withTenant(services().db, clinic.tenantId, (tx) =>
        services().sealer.seal(tx, clinic.tenantId, 'Routine check, nothing unusual', BREAK_GLASS_REASON_PURPOSE),
      );
      await tamperReasons(clinic, async (tx) => {
        await tx.query('update break_glass_reasons set reason_sealed = $1 where tenant_id = $2 and audit_event_id = $3', [forged, clinic.tenantId, first]);
        await tx.query(`update break_glass_reasons set reason_sealed = 'v1.1.AAAA.BBBB' where tenant_id = $1 and audit_event_id = $2`, [clinic.tenantId, second]);
      });
      const checks = async () =>
        new Map((await auditor.caller.audit.breakGlassReviews({})).entries.map((review) => [review.id, [review.reasonCheck, review.reasonText]]));
      assert.deepEqual(await checks(), new Map([[second, ['unreadable', null]], [first, ['altered', 'Routine check, nothing unusual']]]));
      // The chain itself is intact; verification names the first entry whose reason no longer matches it.
      const verification = await auditor.caller.audit.verify({});
      assert.ok(!verification.ok);
      assert.deepEqual([verification.reason, verification.entryId, verification.message], [
        'break-glass-reason-mismatch',
        first,
        `Break-glass entry ${verification.seq}: its reason is not the text the workstation recorded (changed or moved since).`,
      ]);

      // Swapping the two sealed reasons between entries is caught the same way.
      await tamperReasons(clinic, async (tx) => {
        await tx.query('delete from break_glass_reasons where tenant_id = $1 and audit_event_id = $2', [clinic.tenantId, second]);
        await tx.query('update break_glass_reasons set audit_seq = (select seq from audit_log where tenant_id = $1 and event_id = $2), audit_event_id = $2 where tenant_id = $1 and audit_event_id = $3', [
          clinic.tenantId,
          second,
          first,
        ]);
      });
      assert.deepEqual(await checks(), new Map([[second, ['altered', 'Routine check, nothing unusual']], [first, ['missing', null]]]));

      const read = (await readChain(services(), clinic.tenantId)).filter((entry) => entry.event.detail.procedure === 'audit.breakGlassReviews').at(-1);
      assert.equal(read?.event.detail.unproven, 2);
    });

    it('are append-only: the app role may not change or remove one, nor may the owner with the trigger on', async () => {
      const { clinic } = await planted();
      for (const statement of ["update break_glass_reasons set reason_sealed = 'v1.x'", 'delete from break_glass_reasons', 'truncate break_glass_reasons']) {
        await assert.rejects(withTenant(services().db, clinic.tenantId, (tx) => tx.query(statement)), /permission denied for table/, statement);
        const asOwner = services().db.transaction(async (tx) => {
          await tx.query(`select set_config('app.tenant_id', $1, true)`, [clinic.tenantId]);
          await tx.query(statement);
        });
        await assert.rejects(asOwner, /The audit trail is append-only/, statement);
      }
    });

    it('never reach the logs, whether taken in, refused or read', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'break-glass-logs-'));
      const file = join(folder, 'server.log');
      const logged = { ...services(), log: createLogger({ level: 'trace', file }) };
      const clinic = await TestClinic.create(services());
      const workstation = await clinic.device();
      const auditor = await clinic.device(await clinic.addUser('auditor'));
      const grants = [{ userId: uuidv7(), patientId: uuidv7(), reasonText: REASON }];
      const entries = chainWithBreakGlass(clinic.tenantId, workstation.deviceId, grants);
      const push = callerFor(logged, workstation.session.accessToken).audit.pushDeviceEntries;
      await rejectsWithCode(push({ deviceId: workstation.deviceId, entries, breakGlassReasons: [{ auditEventId: entries[1]!.event.id, reasonText: OTHER_REASON }] }), 'BAD_REQUEST');
      await push({ deviceId: workstation.deviceId, entries, breakGlassReasons: reasonsOf(entries, grants) });
      const { entries: reviews } = await callerFor(logged, auditor.session.accessToken).audit.breakGlassReviews({});
      assert.equal(reviews[0]!.reasonText, REASON);

      const lines = readFileSync(file, 'utf8');
      assert.match(lines, /audit\.breakGlassReviews/);
      for (const canary of ['Canary', 'Quillfeather', 'Brightwater', 'waiting room']) assert.ok(!lines.includes(canary), canary);
    });
  });
}
