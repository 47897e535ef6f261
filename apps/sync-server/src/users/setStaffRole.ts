import type { AccessClaims } from '../auth/accessToken.ts';
import type { Role } from '../auth/roles.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { Database } from '../db/database.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { assertAnotherActiveAdmin, assertNotSelf } from './activeAdmins.ts';
import { findStaffAccount, type StaffAccount } from './staffAccounts.ts';
import { userAuditInput } from './userAuditInput.ts';
import { userNotFound } from './userNotFound.ts';

/**
 * Gives a user another role, effective at their next call (every call reads the role afresh). Recorded as
 * `role-change` with the old and new role. Setting the role a user already has changes and records nothing.
 */
export function setStaffRole(db: Database, admin: AccessClaims, userId: string, role: Role): Promise<StaffAccount> {
  return withTenant(db, admin.tenantId, async (tx) => {
    const user = await findStaffAccount(tx, userId);
    if (!user) throw userNotFound();
    if (user.role === role) return user;
    if (user.role === 'admin') {
      assertNotSelf(admin.userId, userId, 'remove the administrator role from');
      if (user.active) await assertAnotherActiveAdmin(tx, userId);
    }
    await tx.query('update users set role = $2 where id = $1', [userId, role]);
    await recordAuditEvent(tx, userAuditInput(admin, 'role-change', userId, { oldRole: user.role, newRole: role }));
    return { ...user, role };
  });
}
