import type { AccessClaims } from '../auth/accessToken.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { Database } from '../db/database.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { assertAnotherActiveAdmin, assertNotSelf } from './activeAdmins.ts';
import { findStaffAccount, type StaffAccount } from './staffAccounts.ts';
import { userAuditInput } from './userAuditInput.ts';
import { userNotFound } from './userNotFound.ts';

/**
 * Disables or re-enables a user. Disabling revokes every refresh token of that user at once, so no workstation
 * can renew their session, and every call with an access token already issued is refused (tenantProcedure reads
 * `active` on each call). Recorded as `user-status-change`; setting the state a user already has changes nothing.
 */
export function setStaffActive(db: Database, admin: AccessClaims, userId: string, active: boolean): Promise<StaffAccount> {
  return withTenant(db, admin.tenantId, async (tx) => {
    const user = await findStaffAccount(tx, userId);
    if (!user) throw userNotFound();
    if (user.active === active) return user;
    let revokedSessions = 0;
    if (!active) {
      assertNotSelf(admin.userId, userId, 'disable');
      if (user.role === 'admin') await assertAnotherActiveAdmin(tx, userId);
      const revoked = await tx.query('update refresh_tokens set revoked_at = now() where user_id = $1 and revoked_at is null returning id', [userId]);
      revokedSessions = revoked.length;
    }
    await tx.query('update users set active = $2 where id = $1', [userId, active]);
    await recordAuditEvent(tx, userAuditInput(admin, 'user-status-change', userId, { oldActive: user.active, newActive: active, revokedSessions, role: user.role }));
    return { ...user, active };
  });
}
