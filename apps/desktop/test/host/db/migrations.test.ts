import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AppError, columnName, entities, entityFieldNames, type EntityName } from '@eonpro/core';
import { migrate } from '../../../src/host/db/migrate.ts';
import { migrations } from '../../../src/host/db/migrations/index.ts';
import type { Migration } from '../../../src/host/db/migrations/migration.ts';
import { openClinicDatabase, openEncryptedDatabase, type Db } from '../../../src/host/db/openDatabase.ts';
import { prepareDataFolder } from '../../../src/host/dataFolder.ts';
import { makeTempDir } from '../support/tempDir.ts';

const latest = migrations.at(-1)!.version;

function columnsOf(db: Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((row) => row.name);
}

describe('database migrations', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let path: string;
  const key = randomBytes(32);
  beforeEach(() => {
    temp = makeTempDir();
    path = prepareDataFolder(temp.dir).databasePath;
  });
  afterEach(() => temp.remove());

  it('keeps the database and its WAL readable by their owner only', () => {
    const db = openClinicDatabase(path, Buffer.from(key));
    try {
      for (const file of [path, `${path}-wal`]) assert.equal(statSync(file).mode & 0o777, 0o600, file);
    } finally {
      db.close();
    }
  });

  it('numbers migrations 1, 2, 3… without gaps', () => {
    assert.deepEqual(
      migrations.map((m) => m.version),
      migrations.map((_, i) => i + 1),
    );
  });

  it('brings a new database to the latest version, with a column for every field core defines', () => {
    const db = openClinicDatabase(path, Buffer.from(key));
    try {
      assert.equal(db.pragma('user_version', { simple: true }), latest);
      for (const entity of Object.keys(entities) as EntityName[]) {
        const columns = columnsOf(db, entities[entity].table);
        for (const field of entityFieldNames(entity)) assert.ok(columns.includes(columnName(field)), `${entity}.${field}`);
        for (const bookkeeping of ['id', 'rev', 'deleted', 'field_revs', 'updated_by_user', 'updated_by_device']) {
          assert.ok(columns.includes(bookkeeping), `${entity}.${bookkeeping}`);
        }
      }
      for (const table of ['outbox', 'sync_state', 'patient_search', 'local_users', 'record_baselines']) {
        assert.ok(columnsOf(db, table).length > 0, table);
      }
    } finally {
      db.close();
    }
  });

  it('uses WAL, in-memory temp storage and foreign keys', () => {
    const db = openClinicDatabase(path, Buffer.from(key));
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('temp_store', { simple: true }), 2);
      assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    } finally {
      db.close();
    }
  });

  it('leaves an up-to-date database as it is', () => {
    openClinicDatabase(path, Buffer.from(key)).close();
    const db = openClinicDatabase(path, Buffer.from(key));
    try {
      db.prepare(`INSERT INTO local_users VALUES ('u1', 't1', 'Clinic', 'Staff', 's@example.org', 'nurse', '2025-01-01T00:00:00Z')`).run();
      assert.equal(migrate(db), latest);
      assert.equal((db.prepare('SELECT count(*) AS n FROM local_users').get() as { n: number }).n, 1);
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer app, and leaves it untouched', () => {
    openClinicDatabase(path, Buffer.from(key)).close();
    const db = openEncryptedDatabase(path, Buffer.from(key));
    db.pragma(`user_version = ${latest + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = readFileSync(path);
    assert.throws(
      () => openClinicDatabase(path, Buffer.from(key)),
      (error: unknown) => error instanceof AppError && error.code === 'CONFLICT' && /newer version/.test(error.message),
    );
    assert.deepEqual(readFileSync(path), before);
  });

  it('rolls a failing migration back whole: neither its tables nor its version remain', () => {
    const failing: Migration = {
      version: latest + 1,
      name: 'fails-half-way',
      up(db) {
        db.exec('CREATE TABLE half_done (id TEXT)');
        throw new Error('migration step failed');
      },
    };
    openClinicDatabase(path, Buffer.from(key)).close();
    const db = openEncryptedDatabase(path, Buffer.from(key));
    try {
      assert.throws(() => migrate(db, [...migrations, failing]), /migration step failed/);
      assert.equal(db.pragma('user_version', { simple: true }), latest);
      assert.deepEqual(columnsOf(db, 'half_done'), []);
    } finally {
      db.close();
    }
  });
});
