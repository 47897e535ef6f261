import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError, deviceFingerprint, uuidv7 } from '@eonpro/core';
import type { TRPCError } from '@trpc/server';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { rejectsWithCode } from '../support/assertions.ts';
import { callerFor, PASSWORD, patientFields, signInAs, TestClinic } from '../support/testServer.ts';
import { WorkstationKey } from '../support/workstationKey.ts';
import type { SuiteContext } from './suiteContext.ts';

function appCodeOf(error: TRPCError): string | undefined {
  return error.cause instanceof AppError ? error.cause.code : undefined;
}

function issuesOf(error: TRPCError): Record<string, string> {
  return Object.fromEntries((error.cause instanceof AppError ? error.cause.issues : []).map((issue) => [issue.path, issue.message]));
}

export function deviceTests({ services }: SuiteContext): void {
  describe('workstations', () => {
    async function deviceRows(tenantId: string, deviceId: string) {
      return withTenant(services().db, tenantId, (tx) =>
        tx.query<{ status: string; public_key: string | null; approved_by: string | null }>('select status, public_key, approved_by from devices where id = $1', [deviceId]),
      );
    }

    async function deviceAudit(tenantId: string, deviceId: string) {
      return withTenant(services().db, tenantId, (tx) =>
        tx.query<{ action: string; outcome: string; detail: Record<string, unknown> }>(
          `select action, event ->> 'outcome' as outcome, event -> 'detail' as detail from audit_log
           where event ->> 'recordId' = $1 and event ->> 'entity' = 'device' order by seq`,
          [deviceId],
        ),
      );
    }

    it("approves the clinic's first workstation by its admin's sign-in, audited as such; the next one waits", async () => {
      const clinic = await TestClinic.create(services());
      const first = uuidv7();
      const session = await signInAs(services(), { email: clinic.adminEmail, deviceId: first });
      assert.deepEqual(await deviceRows(clinic.tenantId, first), [{ status: 'approved', public_key: WorkstationKey.of(first).publicKey, approved_by: session.user.id }]);
      assert.deepEqual(
        (await deviceAudit(clinic.tenantId, first)).map((row) => [row.action, row.detail.bootstrap ?? null]),
        [['device-register', null], ['device-approve', true]],
      );

      const second = uuidv7();
      const pending = await rejectsWithCode(signInAs(services(), { email: clinic.adminEmail, deviceId: second }), 'FORBIDDEN');
      assert.equal(appCodeOf(pending), 'DEVICE_PENDING');
      assert.equal(issuesOf(pending).tenantId, clinic.tenantId);
      assert.equal((await deviceRows(clinic.tenantId, second))[0]?.status, 'pending');
    });

    it("approves the clinic's first workstation only once its admin's second step passed, never on the password alone", async () => {
      const clinic = await TestClinic.create(services());
      const first = WorkstationKey.of(uuidv7());
      const passwordStep = await callerFor(services()).auth.signIn({
        email: clinic.adminEmail,
        password: PASSWORD,
        deviceId: first.deviceId,
        deviceName: 'Desk',
        ...first.signInFields(clinic.adminEmail),
      });
      assert.equal(passwordStep.status, 'mfa-enrolment-required');
      assert.equal((await deviceRows(clinic.tenantId, first.deviceId))[0]?.status, 'pending', 'a stolen password alone approves nothing');
      assert.deepEqual((await deviceAudit(clinic.tenantId, first.deviceId)).map((row) => row.action), ['device-register']);

      await signInAs(services(), { email: clinic.adminEmail, deviceId: first.deviceId });
      assert.equal((await deviceRows(clinic.tenantId, first.deviceId))[0]?.status, 'approved');
      assert.deepEqual(
        (await deviceAudit(clinic.tenantId, first.deviceId)).map((row) => [row.action, row.detail.bootstrap ?? null]),
        [['device-register', null], ['device-approve', true]],
      );
    });

    it("registers another user's new workstation as pending with its key, and lets it in once an admin approves it", async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const nurseEmail = await clinic.addUser('nurse');
      const deviceId = uuidv7();
      const pending = await rejectsWithCode(signInAs(services(), { email: nurseEmail, deviceId, deviceName: 'Ward PC' }), 'FORBIDDEN');
      assert.equal(appCodeOf(pending), 'DEVICE_PENDING');
      assert.match(pending.message, /waiting for approval/);

      const { devices } = await admin.caller.devices.list();
      const listed = devices.find((device) => device.id === deviceId);
      assert.ok(listed);
      assert.equal(listed.status, 'pending');
      assert.equal(listed.name, 'Ward PC');
      assert.equal(listed.fingerprint, deviceFingerprint(WorkstationKey.of(deviceId).publicKey));
      assert.ok(listed.lastSeenAt);
      assert.equal(devices[0]?.id, deviceId, 'waiting workstations are listed first');

      const approved = await admin.caller.devices.approve({ deviceId });
      assert.equal(approved.status, 'approved');
      assert.equal(approved.approvedBy, admin.session.user.id);
      const session = await signInAs(services(), { email: nurseEmail, deviceId });
      assert.equal(session.user.role, 'nurse');
      assert.deepEqual(
        (await deviceAudit(clinic.tenantId, deviceId)).map((row) => [row.action, row.detail.bootstrap ?? null]),
        [['device-register', null], ['device-approve', false]],
      );
    });

    it('answers a waiting workstation that proves its key whether it was approved; nobody else', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const deviceId = uuidv7();
      await rejectsWithCode(signInAs(services(), { email: clinic.adminEmail, deviceId }), 'FORBIDDEN');
      const key = WorkstationKey.of(deviceId);
      const ask = (proof = key.proof('registration-status', deviceId)) =>
        callerFor(services()).devices.registrationStatus({ tenantId: clinic.tenantId, deviceId, deviceProof: proof });

      assert.deepEqual(await ask(), { status: 'pending' });
      await rejectsWithCode(ask(new WorkstationKey(deviceId).proof('registration-status', deviceId)), 'UNAUTHORIZED');
      await rejectsWithCode(ask(key.proof('sign-in', deviceId)), 'UNAUTHORIZED');
      await admin.caller.devices.approve({ deviceId });
      assert.deepEqual(await ask(), { status: 'approved' });
    });

    it('refuses a sign-in without a device proof, with one signed by another key, bound to another email, or too old', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const caller = callerFor(services());
      const base = { email: clinic.adminEmail, password: PASSWORD, deviceId: admin.deviceId, deviceName: 'PC' };
      const key = WorkstationKey.of(admin.deviceId);

      const missing = await rejectsWithCode(caller.auth.signIn(base), 'UNAUTHORIZED');
      assert.match(missing.message, /device credential/);
      const impostor = new WorkstationKey(admin.deviceId);
      await rejectsWithCode(caller.auth.signIn({ ...base, ...impostor.signInFields(clinic.adminEmail) }), 'UNAUTHORIZED');
      // The impostor's own public key is not adopted: the stored key stays.
      assert.equal((await deviceRows(clinic.tenantId, admin.deviceId))[0]?.public_key, key.publicKey);
      await rejectsWithCode(caller.auth.signIn({ ...base, devicePublicKey: key.publicKey, deviceProof: key.proof('sign-in', 'someone.else@clinic.test') }), 'UNAUTHORIZED');
      const stale = await rejectsWithCode(
        caller.auth.signIn({ ...base, devicePublicKey: key.publicKey, deviceProof: key.proof('sign-in', clinic.adminEmail, { iat: Math.floor(Date.now() / 1000) - 3600 }) }),
        'UNAUTHORIZED',
      );
      assert.match(stale.message, /clock/);
    });

    it('refuses a proof made for another server once the server knows its public URL', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const key = WorkstationKey.of(admin.deviceId);
      services().publicUrl = 'https://sync.clinic.example';
      try {
        await rejectsWithCode(callerFor(services()).auth.refresh(admin.refreshInput()), 'UNAUTHORIZED');
        const renewed = await callerFor(services()).auth.refresh({
          refreshToken: admin.session.refreshToken,
          deviceProof: key.proof('refresh', admin.session.refreshToken, { aud: 'https://sync.clinic.example/' }),
        });
        assert.ok(renewed.accessToken);
      } finally {
        services().publicUrl = null;
      }
    });

    it('makes a copied refresh token useless without the device key, and leaves it to the real workstation', async () => {
      const clinic = await TestClinic.create(services());
      const device = await clinic.device();
      const caller = callerFor(services());
      await rejectsWithCode(caller.auth.refresh({ refreshToken: device.session.refreshToken }), 'UNAUTHORIZED');
      const thief = new WorkstationKey(device.deviceId);
      await rejectsWithCode(caller.auth.refresh({ refreshToken: device.session.refreshToken, deviceProof: thief.proof('refresh', device.session.refreshToken) }), 'UNAUTHORIZED');
      // A proof the real workstation made for another token does not carry over either.
      await rejectsWithCode(caller.auth.refresh({ refreshToken: device.session.refreshToken, deviceProof: WorkstationKey.of(device.deviceId).proof('refresh', 'another token') }), 'UNAUTHORIZED');
      const renewed = await caller.auth.refresh(device.refreshInput());
      assert.ok(renewed.accessToken);
    });

    it('revokes a workstation with a reason: its tokens stop, its calls and pushes answer DEVICE_REVOKED with when and why', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const nurse = await clinic.device(await clinic.addUser('nurse'));
      await nurse.push([nurse.create('patient', patientFields())]);

      await rejectsWithCode(admin.caller.devices.revoke({ deviceId: nurse.deviceId, reason: ' ' }), 'BAD_REQUEST');
      const revokedRow = await admin.caller.devices.revoke({ deviceId: nurse.deviceId, reason: 'Laptop stolen from car' });
      assert.equal(revokedRow.status, 'revoked');
      assert.equal(revokedRow.revokedReason, 'Laptop stolen from car');
      assert.equal(revokedRow.revokedBy, admin.session.user.id);

      const pushed = await rejectsWithCode(nurse.push([nurse.create('patient', patientFields())]), 'FORBIDDEN');
      assert.equal(appCodeOf(pushed), 'DEVICE_REVOKED');
      assert.equal(issuesOf(pushed).reason, 'Laptop stolen from car');
      assert.equal(issuesOf(pushed).revokedAt, revokedRow.revokedAt);
      assert.match(pushed.message, /revoked by the clinic on \d{4}-\d{2}-\d{2}: Laptop stolen from car/);
      const pulled = await rejectsWithCode(nurse.pull(), 'FORBIDDEN');
      assert.equal(appCodeOf(pulled), 'DEVICE_REVOKED');
      const refreshed = await rejectsWithCode(callerFor(services()).auth.refresh(nurse.refreshInput()), 'FORBIDDEN');
      assert.equal(appCodeOf(refreshed), 'DEVICE_REVOKED');
      const signIn = await rejectsWithCode(signInAs(services(), { email: nurse.session.user.email, deviceId: nurse.deviceId }), 'FORBIDDEN');
      assert.equal(appCodeOf(signIn), 'DEVICE_REVOKED');

      const tokens = await withTenant(services().db, clinic.tenantId, (tx) =>
        tx.query<{ revoked: boolean }>('select revoked_at is not null as revoked from refresh_tokens where device_id = $1', [nurse.deviceId]),
      );
      assert.ok(tokens.length > 0 && tokens.every((token) => token.revoked));
      const patients = await withTenant(services().db, clinic.tenantId, (tx) => tx.query('select id from patients'));
      assert.equal(patients.length, 1, 'the push after revocation stored nothing');
      const audit = await deviceAudit(clinic.tenantId, nurse.deviceId);
      assert.deepEqual(audit.at(-1), { action: 'device-revoke', outcome: 'success', detail: { wasStatus: 'approved' } });

      await rejectsWithCode(admin.caller.devices.approve({ deviceId: nurse.deviceId }), 'CONFLICT');
    });

    it('keeps workstation administration to admins, refuses revoking your own workstation, and finds no other clinic\'s workstation', async () => {
      const clinic = await TestClinic.create(services());
      const admin = await clinic.device();
      const nurse = await clinic.device(await clinic.addUser('nurse'));
      await rejectsWithCode(nurse.caller.devices.list(), 'FORBIDDEN');
      await rejectsWithCode(nurse.caller.devices.approve({ deviceId: nurse.deviceId }), 'FORBIDDEN');
      await rejectsWithCode(nurse.caller.devices.revoke({ deviceId: admin.deviceId, reason: 'Because I can' }), 'FORBIDDEN');
      await rejectsWithCode(admin.caller.devices.revoke({ deviceId: admin.deviceId, reason: 'Testing' }), 'CONFLICT');

      const other = await TestClinic.create(services());
      const otherDevice = await other.device();
      await rejectsWithCode(admin.caller.devices.revoke({ deviceId: otherDevice.deviceId, reason: 'Not ours' }), 'NOT_FOUND');
      await rejectsWithCode(admin.caller.devices.approve({ deviceId: otherDevice.deviceId }), 'NOT_FOUND');
      assert.equal((await deviceRows(other.tenantId, otherDevice.deviceId))[0]?.status, 'approved');
      const pulled = await otherDevice.pull();
      assert.ok(Array.isArray(pulled.changes));
    });
  });
}
