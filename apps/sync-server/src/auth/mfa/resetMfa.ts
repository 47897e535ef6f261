import { AppError } from '@eonpro/core';
import { recordAuditEvent } from '../../audit/recordAuditEvent.ts';
import type { Database } from '../../db/database.ts';
import { withTenant } from '../../tenancy/tenantScope.ts';
import type { AccessClaims } from '../accessToken.ts';
import { findUser } from '../users.ts';
import { removeFactor } from './factors.ts';

/**
 * An administrator removes another user's authenticator and recovery codes (a lost phone) and ends their sessions:
 * at their next sign-in they set up a new one (or sign in with the password alone, where their role allows).
 * Never their own: a second administrator has to, so one stolen admin password cannot turn the second step off.
 */
export async function resetMfa(db: Database, admin: AccessClaims, userId: string): Promise<{ hadFactor: boolean }> {
  if (userId === admin.userId) throw new AppError('FORBIDDEN', 'You cannot reset your own two-step sign-in: ask another administrator.');
  return withTenant(db, admin.tenantId, async (tx) => {
    const user = await findUser(tx, userId);
    if (!user) throw new AppError('NOT_FOUND', 'There is no such user in this clinic.');
    const hadFactor = await removeFactor(tx, userId);
    await tx.query('update refresh_tokens set revoked_at = now() where user_id = $1 and revoked_at is null', [userId]);
    await recordAuditEvent(tx, {
      tenantId: admin.tenantId,
      actor: { userId: admin.userId, role: admin.role },
      device: { deviceId: admin.deviceId, workstation: null },
      patientId: null,
      action: 'mfa-reset',
      outcome: 'success',
      entity: 'user',
      recordId: userId,
      detail: { hadFactor },
    });
    return { hadFactor };
  });
}
