import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ageText } from './age.ts';

describe('ageText', () => {
  const today = new Date(2025, 2, 10); // 10 March 2025, local time

  it('counts whole years, not yet a year older the day before the birthday', () => {
    assert.equal(ageText('1990-03-10', today), '35 y');
    assert.equal(ageText('1990-03-11', today), '34 y');
  });

  it('gives months under two years', () => {
    assert.equal(ageText('2023-03-11', today), '23 mo');
    assert.equal(ageText('2025-02-10', today), '1 mo');
  });

  it('gives days under one month', () => {
    assert.equal(ageText('2025-02-25', today), '13 d');
    assert.equal(ageText('2025-03-10', today), '0 d');
  });
});
