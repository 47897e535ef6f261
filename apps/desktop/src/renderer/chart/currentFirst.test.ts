import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { currentFirst } from './currentFirst.ts';

describe('currentFirst', () => {
  it('puts current entries before finished ones, each group newest first, undated last', () => {
    const entries = [
      { name: 'old stopped', status: 'stopped', date: '2011-03-07' },
      { name: 'active undated', status: 'active', date: null },
      { name: 'new stopped', status: 'stopped', date: '2019-12-11' },
      { name: 'active 2020', status: 'active', date: '2020-12-05' },
      { name: 'on hold', status: 'on-hold', date: '2015-01-01' },
    ];
    assert.deepEqual(
      currentFirst(entries, (e) => e.status, (e) => e.date).map((e) => e.name),
      ['active 2020', 'on hold', 'active undated', 'new stopped', 'old stopped'],
    );
  });
});
