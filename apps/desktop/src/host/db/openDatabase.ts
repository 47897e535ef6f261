import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '@eonpro/core';
import { DATABASE_KEY_BYTES } from '../keys/keyProvider.ts';
import { migrate } from './migrate.ts';

export type Db = Database.Database;

/**
 * Opens (or creates) the SQLCipher 4 database with a raw 32-byte key and proves the key by reading the schema.
 * A wrong key fails here, before anything is written, so an existing file is never replaced by an empty one.
 * Temp tables stay in memory, so no plaintext temp file ever reaches the disk; WAL pages are encrypted too.
 */
export function openEncryptedDatabase(path: string, key: Buffer): Db {
  if (key.length !== DATABASE_KEY_BYTES) throw new Error(`The database key must be ${DATABASE_KEY_BYTES} bytes`);
  const db = new Database(path);
  try {
    // Owner-only, like the rest of the data folder; SQLite gives the -wal and -shm files the database's mode.
    for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new AppError(
          'LOCKED',
          'The local database cannot be opened with this workstation key: the key is wrong or the file is damaged. Nothing was changed.',
        );
      }
      throw error;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Every page read from disk is decrypted and checked; a 64 MiB page cache keeps search from paying that twice.
    db.pragma('cache_size = -65536');
    db.pragma('synchronous = FULL');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Open and bring the schema up to date. */
export function openClinicDatabase(path: string, key: Buffer): Db {
  const db = openEncryptedDatabase(path, key);
  try {
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
