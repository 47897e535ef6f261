import { readdirSync, readFileSync } from 'node:fs';
import type { Database, Queryable } from './database.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;
// Any constant works; it only has to be the same for every server process sharing the database.
const MIGRATION_LOCK_KEY = 4_010_001;

export class DatabaseNewerThanCodeError extends Error {
  constructor(databaseVersion: number, codeVersion: number) {
    super(
      `The database schema is at version ${databaseVersion} but this server only knows versions up to ${codeVersion}. ` +
        'Run a newer server (never an older one) against this database.',
    );
    this.name = 'DatabaseNewerThanCodeError';
  }
}

/** The numbered SQL files in src/db/migrations, in order. The same files run on PGlite and PostgreSQL. */
export function loadMigrations(): Migration[] {
  const migrations = readdirSync(MIGRATIONS_DIR)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new Error(`Migration file ${file} must be named NNNN_lower_snake_name.sql`);
      return { version: Number(match[1]), name: match[2]!, sql: readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migrations must be numbered 1, 2, 3… without gaps; found ${migration.version} at position ${index + 1}`);
  });
  return migrations;
}

/**
 * Brings the schema up to date as the connection's own user (the schema owner), each migration in its own
 * transaction, recorded in schema_migrations. Safe when several servers start at once: they queue on a lock.
 */
export async function migrate(db: Database, migrations: Migration[] = loadMigrations()): Promise<{ applied: number[] }> {
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
  });
  const codeVersion = migrations.at(-1)?.version ?? 0;
  const databaseVersion = await schemaVersion(db);
  if (databaseVersion > codeVersion) throw new DatabaseNewerThanCodeError(databaseVersion, codeVersion);
  const applied: number[] = [];
  for (const migration of migrations.filter((m) => m.version > databaseVersion)) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      // Another server may have applied it while this one waited for the lock.
      if ((await schemaVersion(tx)) >= migration.version) return false;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return { applied };
}

export async function schemaVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: number | null }>('select max(version) as version from schema_migrations');
  return row?.version ?? 0;
}
