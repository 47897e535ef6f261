import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dictionary } from '@zxcvbn-ts/language-common';
import { COMMON_PASSWORD_RANKS, COMMON_PASSWORDS, isCommonPassword } from './commonPasswords.ts';
import { passwordProblem } from './passwordPolicy.ts';

const ranked = dictionary['passwords-common'];
const TOO_COMMON = 'Too common: choose a password that is harder to guess';

describe('password policy', () => {
  it('lists the 1,000 most common passwords of the ranked dictionary, most frequent first', () => {
    assert.equal(ranked[0], '123456');
    for (const password of ranked.slice(0, COMMON_PASSWORD_RANKS)) assert.ok(isCommonPassword(password), `rank ${ranked.indexOf(password) + 1}`);
    assert.equal(isCommonPassword(ranked[COMMON_PASSWORD_RANKS + 10]!), false, 'a short password ranked below 1,000 is left to the length rule');
  });

  it('refuses a top-100 password and a rank-900 one, in any case', () => {
    const top100 = ranked[41]!;
    const rank900 = ranked[899]!;
    for (const password of [top100, rank900, top100.toUpperCase(), rank900.toUpperCase()]) {
      assert.ok(isCommonPassword(password), password);
      assert.notEqual(passwordProblem(password), null);
    }
    assert.ok(COMMON_PASSWORDS.size > COMMON_PASSWORD_RANKS);
  });

  it('refuses a common password of 12 characters or more as too common, whatever its case', () => {
    const long = ranked.find((password) => password.length >= 12)!;
    assert.equal(long, '123qweasdzxc');
    assert.equal(passwordProblem(long), TOO_COMMON);
    assert.equal(passwordProblem('Password1234'), TOO_COMMON);
    assert.equal(passwordProblem('QWERTY123456'), TOO_COMMON);
    assert.equal(passwordProblem('1qaz2wsx3edc'), TOO_COMMON);
  });

  it('keeps the length rule and takes a long uncommon password', () => {
    assert.equal(passwordProblem('short pass'), 'At least 12 characters');
    assert.equal(passwordProblem('x'.repeat(201)), 'At most 200 characters');
    assert.equal(passwordProblem('lantern orchard sixty'), null);
  });
});
