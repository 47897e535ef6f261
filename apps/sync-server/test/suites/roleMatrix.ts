import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AccessClinic } from '../access/accessClinic.ts';
import { callProcedure, describeOutcome, routerProcedurePaths } from '../access/callProcedure.ts';
import { everyRole, procedureAccess } from '../access/procedureAccess.ts';
import { callerFor } from '../support/testServer.ts';
import type { SuiteContext } from './suiteContext.ts';

const NOT_SIGNED_IN = 'You are not signed in. Sign in again.';

export function roleMatrixTests({ services }: SuiteContext): void {
  describe('role × procedure matrix', () => {
    let clinic: AccessClinic;
    before(async () => {
      clinic = await AccessClinic.create(services(), 'Matrix Clinic');
    });

    it('has a row for every procedure of the router, and no row for a procedure that does not exist', () => {
      const paths = routerProcedurePaths();
      assert.ok(paths.length > 15, 'the router was enumerated');
      assert.deepEqual(paths.filter((path) => !Object.hasOwn(procedureAccess, path)), [], 'procedures without a row in test/access/procedureAccess.ts');
      assert.deepEqual(Object.keys(procedureAccess).filter((path) => !paths.includes(path)), [], 'rows for procedures the router does not have');
    });

    it('answers FORBIDDEN to exactly the roles a procedure does not allow, for every procedure and role', async () => {
      const mismatches: string[] = [];
      let calls = 0;
      for (const path of routerProcedurePaths()) {
        const access = procedureAccess[path];
        if (!access) continue; // reported by the test above
        for (const role of everyRole) {
          const device = clinic.device(role);
          const outcome = await callProcedure(device.caller, path, access.input(clinic.fixture(role)));
          calls += 1;
          const forbidden = !outcome.ok && outcome.code === 'FORBIDDEN';
          const allowed = access.allowed === 'public' || access.allowed.includes(role);
          if (forbidden === allowed) mismatches.push(`${path} as ${role}: expected ${allowed ? 'to get past the role check' : 'FORBIDDEN'}, got ${describeOutcome(outcome)}`);
        }
      }
      assert.equal(calls, routerProcedurePaths().length * everyRole.length);
      assert.deepEqual(mismatches, []);
    });

    it('refuses a caller without a token everywhere but the public procedures', async () => {
      const anonymous = callerFor(services());
      const mismatches: string[] = [];
      for (const path of routerProcedurePaths()) {
        const access = procedureAccess[path];
        if (!access) continue;
        const outcome = await callProcedure(anonymous, path, access.input(clinic.fixture('admin')));
        // The sign-in check's own answer; auth.signIn and auth.refresh may answer UNAUTHORIZED for their own reasons.
        const notSignedIn = !outcome.ok && outcome.code === 'UNAUTHORIZED' && outcome.message === NOT_SIGNED_IN;
        if (notSignedIn === (access.allowed === 'public')) mismatches.push(`${path} without a token: got ${describeOutcome(outcome)}`);
      }
      assert.deepEqual(mismatches, []);
    });
  });
}
