import { mfaTests } from './suites/mfa.ts';
import { passwordTests } from './suites/passwords.ts';
import { describeOnBackend } from './support/backendSuite.ts';
import { pgliteBackend } from './support/backends.ts';

describeOnBackend('mfa only', pgliteBackend, process.env.ONLY === 'pw' ? [passwordTests] : [mfaTests]);
