import { AppError, uuidv7 } from '@eonpro/core';
import type { Database } from '../db/database.ts';
import { createServerDevice } from '../auth/devices.ts';
import { hashPassword } from '../auth/password.ts';
import { assertPasswordAllowed } from '../auth/passwordPolicy.ts';
import { insertUser, registerLogin } from '../auth/users.ts';
import { enterTenant } from './tenantScope.ts';

export interface NewClinic {
  clinicName: string;
  adminName: string;
  /** Already normalised by emailSchema. */
  email: string;
  password: string;
}

/**
 * Creates a tenant with everything it needs to sync (its change counter and its server device) and its first
 * admin, in one transaction. With onlyIfFirst (first-run setup), refuses when any clinic exists already.
 */
export async function createClinic(db: Database, clinic: NewClinic, options: { onlyIfFirst?: boolean } = {}): Promise<{ tenantId: string; userId: string }> {
  assertPasswordAllowed(clinic.password);
  // Hashed before the transaction opens: argon2id takes a while and must not hold the database.
  const passwordHash = await hashPassword(clinic.password);
  return db.transaction(async (tx) => {
    if (options.onlyIfFirst) {
      // Two first-run setups racing each other: the second waits here, then sees the first clinic.
      await tx.query('lock table tenants in share row exclusive mode');
      const existing = await tx.query('select 1 from tenants limit 1');
      if (existing.length > 0) throw new AppError('CONFLICT', 'This server already has a clinic. Sign in instead.');
    }
    const tenantId = uuidv7();
    await tx.query('insert into tenants (id, name) values ($1, $2)', [tenantId, clinic.clinicName]);
    const userId = await registerLogin(tx, tenantId, clinic.email);
    await enterTenant(tx, tenantId);
    await insertUser(tx, tenantId, userId, { name: clinic.adminName, email: clinic.email, role: 'admin' }, passwordHash);
    await tx.query('insert into tenant_sync_state (tenant_id, last_seq) values ($1, 0)', [tenantId]);
    await createServerDevice(tx, tenantId);
    return { tenantId, userId };
  });
}
