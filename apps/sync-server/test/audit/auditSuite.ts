/**
 * The audit trail tests, run against each storage backend (audit.pglite.test.ts, audit.postgres.test.ts). One
 * database serves the suite; each test makes its own clinic.
 */
import { after, before, describe } from 'node:test';
import type { Database } from '../../src/db/database.ts';
import type { ServerServices } from '../../src/services.ts';
import type { TestBackend } from '../support/backends.ts';
import { openTestServices } from '../support/testServer.ts';
import { appendOnlyTests } from './appendOnly.ts';
import { checkpointTests } from './checkpoints.ts';
import { deviceIntakeTests } from './deviceIntake.ts';
import { recordingTests } from './recording.ts';
import { reportTests } from './report.ts';
import { tamperingTests } from './tampering.ts';

export function runAuditSuite(backend: TestBackend): void {
  describe(`audit trail on ${backend.name}`, () => {
    let db: Database | undefined;
    let services: ServerServices | undefined;

    before(async () => {
      await backend.start();
      db = await backend.openDatabase();
      services = await openTestServices(db);
    });

    after(async () => {
      await db?.close();
      await backend.stop();
    });

    const context = {
      backend,
      services: () => {
        if (!services) throw new Error('The suite database is not open');
        return services;
      },
    };
    appendOnlyTests(context);
    tamperingTests(context);
    recordingTests(context);
    deviceIntakeTests(context);
    reportTests(context);
    checkpointTests(context);
  });
}
