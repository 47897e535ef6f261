import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('stores scrypt N=2^15, r=8, p=1 with a per-password salt and a 64-byte key', async () => {
    const [first, second] = [await hashPassword('river stone lantern'), await hashPassword('river stone lantern')];
    const [scheme, n, r, p, salt, key] = first.split('$');
    assert.deepEqual([scheme, n, r, p], ['scrypt', '32768', '8', '1']);
    assert.equal(Buffer.from(salt!, 'base64').length, 16);
    assert.equal(Buffer.from(key!, 'base64').length, 64);
    assert.notEqual(first, second, 'a new salt each time');
  });

  it('accepts the right password only', async () => {
    const stored = await hashPassword('river stone lantern');
    assert.equal(await verifyPassword('river stone lantern', stored), true);
    assert.equal(await verifyPassword('river stone lanterns', stored), false);
    assert.equal(await verifyPassword('', stored), false);
  });

  it('answers false, not an error, for a stored value that is not a scrypt hash', async () => {
    assert.equal(await verifyPassword('anything', 'plaintext'), false);
    assert.equal(await verifyPassword('anything', 'scrypt$x$8$1$c2FsdA==$a2V5'), false);
  });
});
