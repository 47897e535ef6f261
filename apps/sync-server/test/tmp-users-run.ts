import { roleMatrixTests } from './suites/roleMatrix.ts';
import { userTests } from './suites/users.ts';
import { isolationTests } from './suites/isolation.ts';
import { describeOnBackend } from './support/backendSuite.ts';
import { pgliteBackend, postgresBackend } from './support/backends.ts';
const all = { users: userTests, matrix: roleMatrixTests, isolation: isolationTests };
const groups = (process.env.GROUPS ?? 'users,matrix,isolation').split(',').map((g) => all[g as keyof typeof all]);
describeOnBackend('users', process.env.PG ? postgresBackend() : pgliteBackend, groups);
