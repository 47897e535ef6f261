import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appRouter } from '../routers/root.ts';
import { procedureAudits } from './procedureAudits.ts';

describe('procedure audit table', () => {
  it('says for every procedure of the router how its calls are audited, and names no other', () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    assert.deepEqual(Object.keys(procedureAudits).sort(), procedures);
  });
});
