import { roleMatrixTests } from './suites/roleMatrix.ts';
import { userTests } from './suites/users.ts';
import { isolationTests } from './suites/isolation.ts';
import { describeOnBackend } from './support/backendSuite.ts';
import { pgliteBackend, postgresBackend } from './support/backends.ts';
describeOnBackend('users', process.env.PG ? postgresBackend() : pgliteBackend, [userTests, roleMatrixTests, isolationTests]);
