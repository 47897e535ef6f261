import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION, uuidv7 } from '@eonpro/core';
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { rejectsWithCode } from '../support/assertions.ts';
import { callerFor, PASSWORD, signInAs, TestClinic } from '../support/testServer.ts';
import type { SuiteContext } from './suiteContext.ts';

const pullInput = { protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SYNC_SCHEMA_VERSION, cursor: 0 };

export function authTests({ services }: SuiteContext): void {
  describe('auth', () => {
    it('signs in, registers the unknown workstation and issues an EdDSA token naming user, tenant, role and device', async () => {
      const clinic = await TestClinic.create(services());
      const deviceId = uuidv7();
      const session = await signInAs(services(), { email: clinic.adminEmail.toUpperCase(), deviceId, deviceName: 'Exam room 2' });

      assert.equal(session.user.email, clinic.adminEmail);
      assert.equal(session.user.tenantId, clinic.tenantId);
      const header = decodeProtectedHeader(session.accessToken);
      assert.equal(header.alg, 'EdDSA');
      assert.ok(header.kid);
      const claims = decodeJwt(session.accessToken);
      assert.deepEqual([claims.sub, claims.tid, claims.role, claims.did], [session.user.id, clinic.tenantId, 'admin', deviceId]);
      assert.equal((claims.exp! - claims.iat!) * 1000, 15 * 60_000);
      assert.equal(new Date(session.accessTokenExpiresAt).getTime(), claims.exp! * 1000);

      const devices = await withTenant(services().db, clinic.tenantId, (tx) => tx.query<{ name: string; status: string }>('select name, status from devices where id = $1', [deviceId]));
      assert.deepEqual(devices, [{ name: 'Exam room 2', status: 'approved' }]);
    });

    it('answers a wrong password and an unknown email with the same UNAUTHORIZED message', async () => {
      const clinic = await TestClinic.create(services());
      const caller = callerFor(services());
      const wrongPassword = await rejectsWithCode(caller.auth.signIn({ email: clinic.adminEmail, password: 'not the password', deviceId: uuidv7(), deviceName: 'PC' }), 'UNAUTHORIZED');
      const unknownEmail = await rejectsWithCode(caller.auth.signIn({ email: 'nobody@clinic.test', password: PASSWORD, deviceId: uuidv7(), deviceName: 'PC' }), 'UNAUTHORIZED');
      assert.equal(wrongPassword.message, unknownEmail.message);
      assert.equal(wrongPassword.message, 'The email or password is not correct.');
    });

    it('stores an argon2id hash of the password and only a SHA-256 of each refresh token', async () => {
      const clinic = await TestClinic.create(services());
      const device = await clinic.device();
      const rows = await withTenant(services().db, clinic.tenantId, async (tx) => ({
        users: await tx.query<{ password_hash: string }>('select password_hash from users'),
        tokens: await tx.query<{ token_hash: string }>('select token_hash from refresh_tokens'),
      }));
      assert.match(rows.users[0]!.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
      assert.ok(!rows.users[0]!.password_hash.includes(PASSWORD));
      assert.deepEqual(rows.tokens.map((row) => row.token_hash), [createHash('sha256').update(device.session.refreshToken).digest('hex')]);
    });

    it('rotates the refresh token on each use and, when a used one comes back, ends every session of that device', async () => {
      const clinic = await TestClinic.create(services());
      const device = await clinic.device();
      const caller = callerFor(services());

      const renewed = await caller.auth.refresh(device.refreshInput());
      assert.notEqual(renewed.refreshToken, device.session.refreshToken);
      await callerFor(services(), renewed.accessToken).sync.pull(pullInput);

      await rejectsWithCode(caller.auth.refresh(device.refreshInput()), 'UNAUTHORIZED');
      await rejectsWithCode(caller.auth.refresh(device.refreshInput(renewed.refreshToken)), 'UNAUTHORIZED');
    });

    it('signs out by revoking the refresh token', async () => {
      const clinic = await TestClinic.create(services());
      const device = await clinic.device();
      const caller = callerFor(services());
      await caller.auth.signOut({ refreshToken: device.session.refreshToken });
      await rejectsWithCode(caller.auth.refresh(device.refreshInput()), 'UNAUTHORIZED');
    });

    it('refuses sync calls without a token, with a forged token, or from a revoked workstation', async () => {
      const clinic = await TestClinic.create(services());
      const device = await clinic.device();
      await rejectsWithCode(callerFor(services()).sync.pull(pullInput), 'UNAUTHORIZED');

      const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const claims = decodeJwt(device.session.accessToken);
      const forged = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'EdDSA', kid: decodeProtectedHeader(device.session.accessToken).kid! })
        .sign(privateKey);
      await rejectsWithCode(callerFor(services(), forged).sync.pull(pullInput), 'UNAUTHORIZED');

      await withTenant(services().db, clinic.tenantId, (tx) =>
        tx.query(`update devices set status = 'revoked', revoked_at = now(), revoked_reason = 'Lost' where id = $1`, [device.deviceId]),
      );
      const revoked = await rejectsWithCode(device.pull(), 'FORBIDDEN');
      assert.match(revoked.message, /workstation/);
      await rejectsWithCode(callerFor(services()).auth.refresh(device.refreshInput()), 'FORBIDDEN');
    });
  });
}
