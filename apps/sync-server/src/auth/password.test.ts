import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { hashPassword, needsRehash, verifyPassword } from './password.ts';

/** A hash in the format the server wrote before argon2id. */
function legacyScryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

describe('password hashing', () => {
  it('stores argon2id m=19 MiB, t=2, p=1 as a PHC string with a per-password salt and a 32-byte tag', async () => {
    const [first, second] = [await hashPassword('river stone lantern'), await hashPassword('river stone lantern')];
    const [, scheme, version, params, salt, tag] = first.split('$');
    assert.deepEqual([scheme, version, params], ['argon2id', 'v=19', 'm=19456,t=2,p=1']);
    assert.equal(Buffer.from(salt!, 'base64').length, 16);
    assert.equal(Buffer.from(tag!, 'base64').length, 32);
    assert.notEqual(first, second, 'a new salt each time');
    assert.equal(needsRehash(first), false);
  });

  it('accepts the right password only', async () => {
    const stored = await hashPassword('river stone lantern');
    assert.equal(await verifyPassword('river stone lantern', stored), true);
    assert.equal(await verifyPassword('river stone lanterns', stored), false);
    assert.equal(await verifyPassword('', stored), false);
  });

  it('still verifies a legacy scrypt hash, and marks it for re-hashing', async () => {
    const stored = legacyScryptHash('river stone lantern');
    assert.equal(await verifyPassword('river stone lantern', stored), true);
    assert.equal(await verifyPassword('river stone lanterns', stored), false);
    assert.equal(needsRehash(stored), true);
  });

  it('answers false, not an error, for a stored value that is not a known hash', async () => {
    assert.equal(await verifyPassword('anything', 'plaintext'), false);
    assert.equal(await verifyPassword('anything', 'scrypt$x$8$1$c2FsdA==$a2V5'), false);
    assert.equal(await verifyPassword('anything', '$argon2id$v=19$m=0,t=2,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5'), false);
  });
});
