import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditDetailSchema } from './auditDetail.ts';
import { reasonDigest } from './reasonDigest.ts';
import { sha256Text } from './sha256.ts';

describe('break-glass reason digest', () => {
  it("is `sha256:` and the SHA-256 of the text's UTF-8 in lower-case hex, from bytes or from hex", () => {
    const expected = 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    assert.equal(reasonDigest('abc', sha256Text), expected);
    assert.equal(reasonDigest('abc', () => expected.slice('sha256:'.length)), expected);
    assert.notEqual(reasonDigest('Zoë fell', sha256Text), reasonDigest('Zoe fell', sha256Text));
  });

  it('passes as an audit detail in exactly that form, while other long hex is still refused as a possible secret', () => {
    const digest = reasonDigest('Unconscious in the waiting room', sha256Text);
    assert.equal(auditDetailSchema.safeParse({ reasonDigest: digest }).success, true);
    const hex = digest.slice('sha256:'.length);
    for (const refused of [hex, `sha256:${hex.toUpperCase()}`, `sha256:${hex}0`, `md5:${hex}`]) {
      assert.equal(auditDetailSchema.safeParse({ reasonDigest: refused }).success, false, refused);
    }
  });
});
