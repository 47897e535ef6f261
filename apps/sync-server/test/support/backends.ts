import type { Database } from '../../src/db/database.ts';
import { openPgliteDatabase } from '../../src/db/pgliteDatabase.ts';
import { openPostgresDatabase } from '../../src/db/postgresDatabase.ts';
import { startTestPostgres, type TestPostgres } from './postgres.ts';

/** Where a test suite's databases come from. Each openDatabase() is a fresh, empty database. */
export interface TestBackend {
  name: string;
  start(): Promise<void>;
  openDatabase(): Promise<Database>;
  stop(): Promise<void>;
}

export const pgliteBackend: TestBackend = {
  name: 'PGlite',
  start: async () => undefined,
  openDatabase: () => openPgliteDatabase(),
  stop: async () => undefined,
};

export function postgresBackend(): TestBackend {
  let server: TestPostgres | undefined;
  return {
    name: 'PostgreSQL',
    async start() {
      server = await startTestPostgres();
    },
    async openDatabase() {
      if (!server) throw new Error('start() the backend first');
      return openPostgresDatabase(await server.createDatabase());
    },
    async stop() {
      await server?.stop();
    },
  };
}
