import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { toHex, utf8 } from './bytes.ts';
import { sha256, sha256Text } from './sha256.ts';

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('sha256', () => {
  it('gives the FIPS 180-4 / NIST example digests', () => {
    const vectors: Array<[Uint8Array, string]> = [
      [ascii(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
      [ascii('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
      [
        ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
        '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
      ],
      [
        ascii('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu'),
        'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
      ],
    ];
    for (const [message, digest] of vectors) assert.equal(toHex(sha256(message)), digest);
  });

  it('digests a million "a"s', () => {
    const message = new Uint8Array(1_000_000).fill(0x61);
    assert.equal(toHex(sha256(message)), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with node:crypto at every length around the padding boundaries', () => {
    for (let length = 0; length <= 300; length++) {
      const message = new Uint8Array(randomBytes(length));
      assert.equal(toHex(sha256(message)), createHash('sha256').update(message).digest('hex'), `length ${length}`);
    }
  });

  it('does not change its input', () => {
    const message = new Uint8Array(randomBytes(100));
    const copy = message.slice();
    sha256(message);
    assert.deepEqual(message, copy);
  });

  it('sha256Text hashes the UTF-8 bytes of a text', () => {
    const text = '{"workstation":"Zoë’s desk 🩺"}';
    assert.deepEqual(utf8(text), new Uint8Array(Buffer.from(text, 'utf8')));
    assert.equal(toHex(sha256Text(text)), createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
