/**
 * The router tests, run against each storage backend (router.pglite.test.ts, router.postgres.test.ts).
 * Procedures are called in-process through createCaller.
 */
import { authTests } from './suites/auth.ts';
import { conflictTests } from './suites/conflicts.ts';
import { deviceTests } from './suites/devices.ts';
import { importTests } from './suites/import.ts';
import { isolationTests } from './suites/isolation.ts';
import { mfaTests } from './suites/mfa.ts';
import { passwordTests } from './suites/passwords.ts';
import { pullTests } from './suites/pull.ts';
import { pushTests } from './suites/push.ts';
import { roleMatrixTests } from './suites/roleMatrix.ts';
import { schemaTests } from './suites/schema.ts';
import { sessionPolicyTests } from './suites/sessionPolicy.ts';
import { setupTests } from './suites/setup.ts';
import { userTests } from './suites/users.ts';
import { describeOnBackend } from './support/backendSuite.ts';
import type { TestBackend } from './support/backends.ts';

export function runRouterSuite(backend: TestBackend): void {
  describeOnBackend('sync server', backend, [
    setupTests,
    authTests,
    deviceTests,
    passwordTests,
    mfaTests,
    pushTests,
    pullTests,
    conflictTests,
    isolationTests,
    importTests,
    schemaTests,
    userTests,
    sessionPolicyTests,
    roleMatrixTests,
  ]);
}
