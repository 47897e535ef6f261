import { deviceTests } from './suites/devices.ts';
import { authTests } from './suites/auth.ts';
import { describeOnBackend } from './support/backendSuite.ts';
import { pgliteBackend } from './support/backends.ts';
describeOnBackend('devices', pgliteBackend, [deviceTests, authTests]);
