import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uuidv7 } from '@eonpro/core';
import { decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { pino } from 'pino';
import { issueAccessToken, verifyAccessToken, type AccessClaims } from '../../src/auth/accessToken.ts';
import { loadSigningKeys, RETIRED_KEY_GRACE_MS, rotateSigningKey, SIGNING_KEY_REFRESH_MS } from '../../src/auth/signingKeys.ts';
import { ACCESS_TOKEN_TTL_MS } from '../../src/auth/accessToken.ts';
import { prepareServices } from '../../src/services.ts';
import type { SuiteContext } from '../suites/suiteContext.ts';

const claims = (): AccessClaims => ({ userId: uuidv7(), tenantId: uuidv7(), role: 'nurse', deviceId: uuidv7() });

export function signingKeyTests({ services }: SuiteContext): void {
  describe('token signing keys', () => {
    it('stores private keys only wrapped by the master key, never as a JWK in the clear', async () => {
      const rows = await services().db.query<{ private_jwk: unknown; wrapped_private_key: string | null; master_key_id: string | null; retired_at: Date | null }>(
        'select private_jwk, wrapped_private_key, master_key_id, retired_at from signing_keys',
      );
      assert.ok(rows.length > 0);
      assert.ok(rows.every((row) => row.private_jwk === null));
      const current = rows.filter((row) => row.retired_at === null);
      assert.equal(current.length, 1);
      assert.equal(current[0]!.master_key_id, services().keyProvider.keyId);
      assert.ok(current[0]!.wrapped_private_key);
      assert.ok(rows.filter((row) => row.retired_at !== null).every((row) => row.wrapped_private_key === null), 'a retired key keeps only its public half');
    });

    it('wraps a key stored in the clear before this version, and keeps signing with it', async () => {
      const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      const kid = uuidv7();
      await services().db.query(
        `update signing_keys set retired_at = now(), wrapped_private_key = null, master_key_id = null, master_key_version = null where retired_at is null`,
      );
      await services().db.query('insert into signing_keys (kid, public_jwk, private_jwk) values ($1, $2::jsonb, $3::jsonb)', [
        kid,
        JSON.stringify(await exportJWK(publicKey)),
        JSON.stringify(await exportJWK(privateKey)),
      ]);
      const keys = await loadSigningKeys(services().db, services().keyProvider);
      assert.equal(keys.current.kid, kid);
      const [row] = await services().db.query<{ private_jwk: unknown; wrapped_private_key: string | null }>('select private_jwk, wrapped_private_key from signing_keys where kid = $1', [kid]);
      assert.equal(row!.private_jwk, null);
      assert.ok(row!.wrapped_private_key);
      const { token } = await issueAccessToken(keys, claims());
      assert.equal((await verifyAccessToken(keys, token)).role, 'nurse');
      await services().keys.refresh();
    });

    it('rotates without logging anyone out: old tokens verify, new ones carry the new kid, JWKS lists both', async () => {
      const keys = services().keys;
      await keys.refresh();
      const before = await issueAccessToken(keys, claims());
      const oldKid = keys.current.kid;

      const { kid: newKid } = await rotateSigningKey(services().db, services().keyProvider);
      assert.notEqual(newKid, oldKid);
      await keys.refresh();
      assert.equal(keys.current.kid, newKid);
      const after = await issueAccessToken(keys, claims());
      assert.equal(decodeProtectedHeader(after.token).kid, newKid);
      assert.equal(decodeProtectedHeader(before.token).kid, oldKid);
      await verifyAccessToken(keys, before.token);
      await verifyAccessToken(keys, after.token);

      const jwks = keys.jwks();
      const listed = jwks.keys.map((key) => key.kid);
      assert.ok(listed.includes(oldKid) && listed.includes(newKid), 'both the retired and the new key are listed');
      for (const key of jwks.keys) {
        assert.deepEqual(Object.keys(key).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x']);
        assert.deepEqual([key.kty, key.crv, key.alg, key.use], ['OKP', 'Ed25519', 'EdDSA', 'sig']);
      }
    });

    it('lets a server that did not rotate verify the new key at once and sign with it after a refresh', async () => {
      const other = await prepareServices(services().db, pino({ level: 'silent' }), services().keyProvider);
      const { kid } = await rotateSigningKey(services().db, services().keyProvider);
      await services().keys.refresh();
      const token = (await issueAccessToken(services().keys, claims())).token;
      assert.notEqual(other.keys.current.kid, kid, 'the other server still signs with the key it loaded');
      await verifyAccessToken(other.keys, token);
      assert.equal(other.keys.current.kid, kid, 'the unknown kid made it re-read the keys');
    });

    it('refuses a token whose kid is unknown, or that a key of the same kid did not sign', async () => {
      const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const forge = (kid: string) =>
        new SignJWT({ tid: uuidv7(), role: 'admin', did: uuidv7() })
          .setProtectedHeader({ alg: 'EdDSA', kid })
          .setSubject(uuidv7())
          .setIssuer('eonpro-sync-server')
          .setAudience('eonpro-clinic')
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(privateKey);
      const notSignedIn = (error: Error & { code?: string }) => error.code === 'UNAUTHORIZED';
      await assert.rejects(verifyAccessToken(services().keys, await forge(uuidv7())), notSignedIn);
      await assert.rejects(verifyAccessToken(services().keys, await forge('not-a-kid')), notSignedIn);
      await assert.rejects(verifyAccessToken(services().keys, await forge(services().keys.current.kid)), notSignedIn);
    });

    it('stops verifying a retired key once its grace period is over', async () => {
      const keys = services().keys;
      const before = await issueAccessToken(keys, claims());
      await rotateSigningKey(services().db, services().keyProvider);
      const later = await loadSigningKeys(services().db, services().keyProvider, () => new Date(Date.now() + RETIRED_KEY_GRACE_MS + 60_000));
      const oldKid = decodeProtectedHeader(before.token).kid!;
      assert.equal(later.publicKeys.has(oldKid), false);
      assert.equal(await later.verificationKey(oldKid), null);
      assert.ok(RETIRED_KEY_GRACE_MS >= ACCESS_TOKEN_TTL_MS + SIGNING_KEY_REFRESH_MS, 'a token signed just before another server refreshed still verifies until it expires');
      await keys.refresh();
    });
  });
}
