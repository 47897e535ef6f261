import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '@eonpro/core';
import { migrations as allMigrations } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';

/** Brings the schema to the newest version, one transaction per migration, tracked in `user_version`. */
export function migrate(db: Database, migrations: readonly Migration[] = allMigrations): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new AppError(
      'CONFLICT',
      `This data folder was written by a newer version of EONPro Clinic (schema ${current}; this app knows up to ${latest}). Update the app to open it.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return latest;
}
