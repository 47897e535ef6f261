/** The audit trail tests, run against each storage backend (audit.pglite.test.ts, audit.postgres.test.ts). */
import { describeOnBackend } from '../support/backendSuite.ts';
import type { TestBackend } from '../support/backends.ts';
import { appendOnlyTests } from './appendOnly.ts';
import { breakGlassReasonTests } from './breakGlassReasons.ts';
import { checkpointTests } from './checkpoints.ts';
import { deviceIntakeTests } from './deviceIntake.ts';
import { recordingTests } from './recording.ts';
import { reportTests } from './report.ts';
import { tamperingTests } from './tampering.ts';

export function runAuditSuite(backend: TestBackend): void {
  describeOnBackend('audit trail', backend, [
    appendOnlyTests,
    tamperingTests,
    recordingTests,
    deviceIntakeTests,
    reportTests,
    checkpointTests,
    breakGlassReasonTests,
  ]);
}
