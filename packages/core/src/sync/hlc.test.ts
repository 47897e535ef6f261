import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClockDriftError, HybridClock, compareHlc, parseHlc } from './hlc.ts';

describe('HybridClock', () => {
  it('issues strictly increasing timestamps even when the wall clock stands still or goes back', () => {
    let now = 1_000;
    const clock = new HybridClock('dev1', { now: () => now });
    const a = clock.tick();
    const b = clock.tick();
    now = 500;
    const c = clock.tick();
    assert.ok(compareHlc(a, b) < 0 && compareHlc(b, c) < 0);
    assert.equal(parseHlc(c).wallMs, 1_000);
  });

  it('orders local events after a received remote timestamp', () => {
    let now = 1_000;
    const local = new HybridClock('a', { now: () => now });
    const remote = new HybridClock('b', { now: () => 2_000 });
    const theirs = remote.tick();
    local.receive(theirs);
    assert.ok(compareHlc(local.tick(), theirs) > 0);
    now = 3_000;
    assert.equal(parseHlc(local.tick()).wallMs, 3_000);
  });

  it('refuses a remote timestamp too far ahead and says by how much', () => {
    const local = new HybridClock('a', { now: () => 0, maxDriftMs: 60_000 });
    const ahead = new HybridClock('b', { now: () => 10 * 60_000 }).tick();
    assert.throws(() => local.receive(ahead), (error: unknown) => error instanceof ClockDriftError && error.driftMs === 600_000);
  });

  it('does not reissue persisted timestamps after a restart', () => {
    const before = new HybridClock('a', { now: () => 5_000 });
    before.tick();
    const last = before.tick();
    const after = new HybridClock('a', { now: () => 4_000 });
    after.observe(last);
    assert.ok(compareHlc(after.tick(), last) > 0);
  });
});
