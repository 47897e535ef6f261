import Database from 'better-sqlite3';
import { migrate } from '../apps/desktop/src/host/db/migrate.ts';
import type { Db } from '../apps/desktop/src/host/db/openDatabase.ts';
import { LocalStore } from '../apps/desktop/src/host/local/localStore.ts';

/**
 * The baseline the encrypted store is measured against: an unencrypted file opened with the plain `better-sqlite3`
 * package, with the host's connection settings and schema, wrapped in the host's own LocalStore so every write and
 * search runs the same code.
 */
export function openPlainStore(path: string): LocalStore {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return LocalStore.fromDatabase(db);
}

/** The settings that shape write and read cost; the comparison is only fair when both stores agree on them. */
export function connectionSettings(db: Db): Record<string, unknown> {
  const names = ['journal_mode', 'synchronous', 'temp_store', 'foreign_keys', 'busy_timeout', 'page_size', 'user_version'];
  return Object.fromEntries(names.map((name) => [name, db.pragma(name, { simple: true })]));
}

/** Fails when the baseline no longer matches what the host opens (say, the host changed a pragma). */
export function assertSameSettings(encrypted: Db, plain: Db): void {
  const a = connectionSettings(encrypted);
  const b = connectionSettings(plain);
  const differing = Object.keys(a).filter((name) => a[name] !== b[name]);
  if (differing.length > 0) {
    const detail = differing.map((name) => `${name}: encrypted ${String(a[name])}, plain ${String(b[name])}`).join('; ');
    throw new Error(`The plain baseline is not opened like the host's store (${detail}); update bench/plainStore.ts`);
  }
}
