import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from './database.ts';
import { DatabaseNewerThanCodeError, loadMigrations, migrate, schemaVersion } from './migrate.ts';
import { openPgliteDatabase } from './pgliteDatabase.ts';

describe('migrate', () => {
  let db: Database;
  before(async () => {
    db = await openPgliteDatabase();
  });
  after(() => db.close());

  it('applies every numbered migration once, recording each, and nothing on a second run', async () => {
    const migrations = loadMigrations();
    assert.deepEqual(migrations.map((m) => m.version), migrations.map((_, index) => index + 1));
    assert.deepEqual(await migrate(db, migrations), { applied: migrations.map((m) => m.version) });
    assert.deepEqual(await migrate(db, migrations), { applied: [] });
    const recorded = await db.query<{ version: number; name: string }>('select version, name from schema_migrations order by version');
    assert.deepEqual(recorded, migrations.map(({ version, name }) => ({ version, name })));
  });

  it('rolls back a failing migration as a whole and leaves the version where it was', async () => {
    const migrations = loadMigrations();
    await migrate(db, migrations);
    const broken = { version: migrations.length + 1, name: 'broken', sql: 'create table half_done (id int); select 1 / 0;' };
    await assert.rejects(migrate(db, [...migrations, broken]), /division by zero/);
    assert.equal(await schemaVersion(db), migrations.length);
    const leftovers = await db.query(`select 1 from pg_class where relname = 'half_done'`);
    assert.equal(leftovers.length, 0);
  });

  it('refuses to run against a database newer than the code, naming both versions', async () => {
    const migrations = loadMigrations();
    await migrate(db, migrations);
    await assert.rejects(migrate(db, migrations.slice(0, 2)), (error: unknown) => {
      assert.ok(error instanceof DatabaseNewerThanCodeError);
      assert.match(error.message, new RegExp(`version ${migrations.length} but this server only knows versions up to 2`));
      return true;
    });
  });
});
