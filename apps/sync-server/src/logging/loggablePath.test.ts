import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loggablePath, UNKNOWN_PATH } from './loggablePath.ts';

const procedures = new Set(['health', 'sync.push', 'sync.pull']);
const isProcedure = (name: string) => procedures.has(name);

describe('loggablePath', () => {
  it("keeps the API's own procedure paths, batches included", () => {
    assert.equal(loggablePath('/trpc/sync.push', '/trpc/', isProcedure), '/trpc/sync.push');
    assert.equal(loggablePath('/trpc/health,sync.pull', '/trpc/', isProcedure), '/trpc/health,sync.pull');
  });

  it('replaces any other path, which could carry what a client typed', () => {
    assert.equal(loggablePath('/patients/Zyxwvanthe-Qorvalinsky', '/trpc/', isProcedure), UNKNOWN_PATH);
    assert.equal(loggablePath('/trpc/patients.Qorvalinsky', '/trpc/', isProcedure), `/trpc/${UNKNOWN_PATH}`);
    assert.equal(loggablePath('/trpc/health,Qorvalinsky', '/trpc/', isProcedure), `/trpc/${UNKNOWN_PATH}`);
  });
});
