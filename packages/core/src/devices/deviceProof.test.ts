import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deviceFingerprint, deviceProofBinding, deviceProofClaimsSchema } from './deviceProof.ts';

describe('device proof', () => {
  it('binds a sign-in to the email whatever its case or surrounding spaces, and purposes never share a binding', () => {
    assert.equal(deviceProofBinding('sign-in', ' Ada@Clinic.test '), deviceProofBinding('sign-in', 'ada@clinic.test'));
    assert.notEqual(deviceProofBinding('refresh', 'token'), deviceProofBinding('registration-status', 'token'));
    assert.match(deviceProofBinding('refresh', 'token'), /^[0-9a-f]{64}$/);
  });

  it('gives a public key a stable XXXX-XXXX fingerprint that differs between keys', () => {
    const key = 'A'.repeat(43);
    assert.match(deviceFingerprint(key), /^[0-9A-F]{4}-[0-9A-F]{4}$/);
    assert.equal(deviceFingerprint(key), deviceFingerprint(key));
    assert.notEqual(deviceFingerprint(key), deviceFingerprint('B'.repeat(43)));
  });

  it('refuses claims without a binding or with an unknown purpose', () => {
    const claims = { v: 1, purpose: 'sign-in', deviceId: '0190e6b2-7a4c-7d2e-9f00-000000000001', aud: 'http://x', iat: 1, nonce: 'abcdefghijklmnop', bind: 'a'.repeat(64) };
    assert.ok(deviceProofClaimsSchema.safeParse(claims).success);
    assert.ok(!deviceProofClaimsSchema.safeParse({ ...claims, bind: undefined }).success);
    assert.ok(!deviceProofClaimsSchema.safeParse({ ...claims, purpose: 'anything' }).success);
  });
});
