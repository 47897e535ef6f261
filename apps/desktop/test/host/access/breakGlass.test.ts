/**
 * Restricted patients and break-glass access on real workstations: the administrator restricts a patient, a nurse's
 * search shows only the name and age with a lock marker, every way to their data asks for a reason, and the reason
 * opens it for that session only, recorded in the audit chain that reaches the server.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { reasonDigest } from '@eonpro/core';
import { TRPCError } from '@trpc/server';
import { sha256Hex } from '../../../src/host/audit/sha256Hex.ts';
import { readBreakGlassReason } from '../../../src/host/db/readers.ts';
import { readAuditHeads } from '../../../src/host/audit/auditRows.ts';
import { hostAuditEntries } from '../audit/hostAudit.ts';
import { patientInput } from '../support/patients.ts';
import { ADMIN, hostAppCode, setUpClinicOnHost, signInOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const NURSE = { name: 'Nell Nurse', email: 'nell@riverbend.test', password: 'a long nurse password 9' };
const REASON = { category: 'emergency-care' as const, reason: 'Unconscious in the waiting room, needs allergy list' };

function breakGlassAsked(error: unknown): boolean {
  return error instanceof TRPCError && hostAppCode(error) === 'FORBIDDEN' && (error.cause as { issues?: { path: string }[] }).issues?.[0]?.path === 'breakGlass';
}

describe('break-glass access to restricted patients', () => {
  let server: TestServer;
  let admin: TestHost;
  let ward: TestHost;
  let restrictedId: string;
  let openId: string;

  before(async () => {
    server = await startTestServer();
    admin = await startTestHost(server.url);
    await setUpClinicOnHost(admin.caller, server, ADMIN);
    await admin.caller.adminUsers.create({ ...NURSE, role: 'nurse' });
    restrictedId = (await admin.caller.patients.register({ ...patientInput({ givenName: 'Vera', familyName: 'Guarded', birthDate: '1971-03-09' }), restricted: true })).id;
    openId = (await admin.caller.patients.register(patientInput({ givenName: 'Otto', familyName: 'Guarded' }))).id;
    await admin.host.syncNow();
    ward = await startTestHost(server.url);
    await signInOnHost(ward.caller, server, NURSE);
    await ward.host.syncNow();
  });
  after(async () => {
    await ward?.remove();
    await admin?.remove();
    await server?.remove();
  });

  it('search shows a restricted patient with a lock marker, their name and age, nothing more', async () => {
    const { results } = await ward.caller.patients.search({ query: 'Guarded' });
    const restricted = results.find((patient) => patient.id === restrictedId)!;
    assert.deepEqual({ ...restricted, ageYears: typeof restricted.ageYears }, {
      id: restrictedId,
      mrn: null,
      givenName: 'Vera',
      familyName: 'Guarded',
      birthDate: null,
      sex: null,
      restricted: true,
      ageYears: 'number',
    });
    assert.ok(restricted.ageYears! >= 53);
    assert.equal(results.find((patient) => patient.id === openId)?.restricted, false);
  });

  it('asks for a reason before any of their data: chart, record, a new entry or an edit', async () => {
    await assert.rejects(ward.caller.chart.summary({ patientId: restrictedId }), breakGlassAsked);
    await assert.rejects(ward.caller.patients.get({ id: restrictedId }), breakGlassAsked);
    await assert.rejects(ward.caller.allergies.record({ patientId: restrictedId, substance: 'Latex', status: 'active', recordedDate: '2024-05-01' }), breakGlassAsked);
    const denied = hostAuditEntries(ward.host).filter((entry) => entry.event.action === 'access-denied' && entry.event.patientId === restrictedId);
    assert.equal(denied.length, 3);
    assert.deepEqual((await ward.caller.chart.summary({ patientId: openId })).patient.id, openId);
  });

  it('refuses a reason shorter than 10 characters or without a category, and grants nothing', async () => {
    await assert.rejects(ward.caller.patients.breakGlass({ patientId: restrictedId, category: 'emergency-care', reason: 'urgent' }), (error: unknown) => error instanceof TRPCError && error.code === 'BAD_REQUEST');
    await assert.rejects(ward.caller.patients.breakGlass({ patientId: restrictedId, category: 'curiosity' as never, reason: REASON.reason }), (error: unknown) => error instanceof TRPCError && error.code === 'BAD_REQUEST');
    await assert.rejects(ward.caller.chart.summary({ patientId: restrictedId }), breakGlassAsked);
  });

  it('a reason opens the chart for this user for the session, recorded as break-glass with its digest; the text stays out of the trail', async () => {
    assert.deepEqual(await ward.caller.patients.breakGlass({ patientId: restrictedId, ...REASON }), { granted: true });
    const chart = await ward.caller.chart.summary({ patientId: restrictedId });
    assert.equal(chart.patient.birthDate, '1971-03-09');
    const entry = hostAuditEntries(ward.host).findLast((e) => e.event.action === 'break-glass')!;
    assert.deepEqual([entry.event.patientId, entry.event.actor.role, entry.event.detail.category, entry.event.detail.reasonLength], [restrictedId, 'nurse', 'emergency-care', REASON.reason.length]);
    assert.equal(entry.event.detail.reasonDigest, reasonDigest(REASON.reason, sha256Hex));
    assert.ok(!JSON.stringify(entry).includes('waiting room'), 'the reason text is not in the audit entry');
    const store = ward.openStore();
    try {
      assert.deepEqual(readBreakGlassReason(store.db, entry.event.id), REASON);
    } finally {
      store.close();
    }
    await ward.host.syncNow();
    const synced = ward.openStore();
    try {
      assert.ok(readAuditHeads(synced.db).acknowledged.seq >= entry.deviceSeq, 'the server acknowledged the break-glass entry');
    } finally {
      synced.close();
    }
    // The reason travelled with its entry: an administrator reviews it on the server, proven by the chained digest.
    const { entries: reviews } = await admin.host
      .createContext()
      .host.connection.authorized((client) => client.audit.breakGlassReviews.query({ patientId: restrictedId }));
    assert.deepEqual(
      reviews.filter((review) => review.outcome === 'success').map((review) => [review.id, review.category, review.reasonText, review.reasonCheck]),
      [[entry.event.id, 'emergency-care', REASON.reason, 'matches']],
    );
    // The refused attempts (too short, no category) are break-glass entries too, vouching for no reason.
    const refused = reviews.filter((review) => review.outcome !== 'success');
    assert.ok(refused.length > 0 && refused.every((review) => review.reasonCheck === 'none' && review.reasonText === null));
  });

  it('an administrator reviews the reasons in Administration, with who gave them; the reading is recorded; a nurse may not', async () => {
    const { reviews } = await admin.caller.auditReview.breakGlass({});
    const granted = reviews.filter((review) => review.outcome === 'success');
    assert.deepEqual(
      granted.map((review) => [review.userName, review.role, review.patientId, review.category, review.reasonText, review.reasonCheck]),
      [[NURSE.name, 'nurse', restrictedId, 'emergency-care', REASON.reason, 'matches']],
    );
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    assert.equal((await admin.caller.auditReview.breakGlass({ from: day, to: day })).reviews.length, reviews.length);
    assert.deepEqual((await admin.caller.auditReview.breakGlass({ to: '2020-01-01' })).reviews, []);
    await assert.rejects(admin.caller.auditReview.breakGlass({ from: day, to: '2020-01-01' }), (error: unknown) => error instanceof TRPCError && error.code === 'BAD_REQUEST' && /Must be on or after the start date/.test(error.message));

    const read = hostAuditEntries(admin.host).findLast((entry) => entry.event.action === 'audit-read' && entry.event.outcome === 'success')!;
    assert.deepEqual(read.event.detail, { kind: 'break-glass', rows: 0, procedure: 'auditReview.breakGlass' });
    assert.ok(!JSON.stringify(hostAuditEntries(admin.host)).includes('waiting room'), 'the reason is not in the audit trail');
    await assert.rejects(ward.caller.auditReview.breakGlass({}), (error: unknown) => hostAppCode(error) === 'FORBIDDEN');
  });

  it('only an administrator restricts a patient or lifts it', async () => {
    const { rev } = await ward.caller.patients.get({ id: restrictedId });
    await assert.rejects(ward.caller.patients.update({ id: restrictedId, baseRev: rev, changes: { restricted: false } }), (error: unknown) => hostAppCode(error) === 'FORBIDDEN');
    await assert.rejects(ward.caller.patients.register({ ...patientInput(), restricted: true }), (error: unknown) => hostAppCode(error) === 'FORBIDDEN');
  });

  it('a new session asks again', async () => {
    await ward.caller.session.signOut();
    await signInOnHost(ward.caller, server, NURSE);
    await assert.rejects(ward.caller.chart.summary({ patientId: restrictedId }), breakGlassAsked);
  });
});
