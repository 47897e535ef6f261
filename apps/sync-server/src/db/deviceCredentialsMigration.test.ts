import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { uuidv7 } from '@eonpro/core';
import type { Database } from './database.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { openPgliteDatabase } from './pgliteDatabase.ts';

const DEVICE_CREDENTIALS = 9;

describe('migration 0009: device credentials', () => {
  let db: Database;
  before(async () => {
    db = await openPgliteDatabase();
  });
  after(() => db.close());

  it('sends workstations registered without a key back to approval, gives old revocations a reason, and keeps the server device', async () => {
    const migrations = loadMigrations();
    await migrate(db, migrations.filter((migration) => migration.version < DEVICE_CREDENTIALS));
    const tenantId = uuidv7();
    const userId = uuidv7();
    const [approved, revoked, server] = [uuidv7(), uuidv7(), uuidv7()];
    // As the connection itself (PGlite's superuser), the way rows stood before the migration.
    await db.query('insert into tenants (id, name) values ($1, $2)', [tenantId, 'Old Clinic']);
    await db.query(`insert into users (tenant_id, id, name, email, role, password_hash) values ($1, $2, 'Old Admin', 'old@clinic.test', 'admin', 'x')`, [tenantId, userId]);
    await db.query(
      `insert into devices (tenant_id, id, name, kind, status) values
         ($1, $2, 'Front desk', 'workstation', 'approved'), ($1, $3, 'Lost laptop', 'workstation', 'revoked'), ($1, $4, 'Sync server', 'server', 'approved')`,
      [tenantId, approved, revoked, server],
    );

    await migrate(db, migrations);
    const rows = await db.query<{ id: string; status: string; revoked_reason: string | null }>('select id, status, revoked_reason from devices order by name');
    assert.deepEqual(rows, [
      { id: approved, status: 'pending', revoked_reason: null },
      { id: revoked, status: 'revoked', revoked_reason: 'Revoked before reasons were recorded' },
      { id: server, status: 'approved', revoked_reason: null },
    ]);
    await assert.rejects(db.query(`update devices set status = 'approved' where id = $1`, [approved]), /devices_workstation_key/);
    await assert.rejects(db.query(`update devices set status = 'revoked' where id = $1`, [approved]), /devices_revocation/);
  });
});
