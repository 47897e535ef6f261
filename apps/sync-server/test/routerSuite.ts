/**
 * The router tests, as one function run against each storage backend (router.pglite.test.ts,
 * router.postgres.test.ts) so PGlite and PostgreSQL must pass the same assertions. Procedures are called
 * in-process through createCaller. One database serves the whole suite; each test makes its own clinic.
 */
import { after, before, describe } from 'node:test';
import type { Database } from '../src/db/database.ts';
import type { ServerServices } from '../src/services.ts';
import { authTests } from './suites/auth.ts';
import { conflictTests } from './suites/conflicts.ts';
import { importTests } from './suites/import.ts';
import { isolationTests } from './suites/isolation.ts';
import { passwordTests } from './suites/passwords.ts';
import { pullTests } from './suites/pull.ts';
import { pushTests } from './suites/push.ts';
import { schemaTests } from './suites/schema.ts';
import { setupTests } from './suites/setup.ts';
import type { TestBackend } from './support/backends.ts';
import { openTestServices } from './support/testServer.ts';

export function runRouterSuite(backend: TestBackend): void {
  describe(`sync server on ${backend.name}`, () => {
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
    setupTests(context);
    authTests(context);
    passwordTests(context);
    pushTests(context);
    pullTests(context);
    conflictTests(context);
    isolationTests(context);
    importTests(context);
    schemaTests(context);
  });
}
