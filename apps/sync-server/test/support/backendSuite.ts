import { after, before, describe } from 'node:test';
import type { Database } from '../../src/db/database.ts';
import type { ServerServices } from '../../src/services.ts';
import type { SuiteContext } from '../suites/suiteContext.ts';
import type { TestBackend } from './backends.ts';
import { openTestServices } from './testServer.ts';

/**
 * Runs test groups against one storage backend, so PGlite and PostgreSQL must pass the same assertions.
 * One database serves the whole run; each test makes its own clinic.
 */
export function describeOnBackend(title: string, backend: TestBackend, groups: Array<(context: SuiteContext) => void>): void {
  describe(`${title} on ${backend.name}`, () => {
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

    const context: SuiteContext = {
      backend,
      services: () => {
        if (!services) throw new Error('The suite database is not open');
        return services;
      },
    };
    for (const group of groups) group(context);
  });
}
