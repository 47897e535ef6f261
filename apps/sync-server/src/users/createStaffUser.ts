import { AppError } from '@eonpro/core';
import type { AccessClaims } from '../auth/accessToken.ts';
import { hashPassword } from '../auth/password.ts';
import { assertPasswordAllowed } from '../auth/passwordPolicy.ts';
import { insertUser, registerLogin, type NewUser } from '../auth/users.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { Database } from '../db/database.ts';
import { enterTenant } from '../tenancy/tenantScope.ts';
import { findStaffAccount, type StaffAccount } from './staffAccounts.ts';
import { userAuditInput } from './userAuditInput.ts';

/**
 * An administrator adds a user with a temporary password (the password policy applies). The account, its
 * sign-in directory entry and the `user-create` audit entry commit together.
 */
export async function createStaffUser(db: Database, admin: AccessClaims, user: NewUser): Promise<StaffAccount> {
  assertPasswordAllowed(user.password);
  // Hashed before the transaction opens: argon2id takes a while and must not hold the database.
  const passwordHash = await hashPassword(user.password);
  return db.transaction(async (tx) => {
    const userId = await registerLogin(tx, admin.tenantId, user.email);
    await enterTenant(tx, admin.tenantId);
    await insertUser(tx, admin.tenantId, userId, user, passwordHash);
    await recordAuditEvent(tx, userAuditInput(admin, 'user-create', userId, { newRole: user.role }));
    const created = await findStaffAccount(tx, userId);
    if (!created) throw new AppError('INTERNAL', 'The new user could not be read back.');
    return created;
  });
}
