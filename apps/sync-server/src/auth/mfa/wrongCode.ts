import { AppError } from '@eonpro/core';
import { recordAuditEvent } from '../../audit/recordAuditEvent.ts';
import type { Database } from '../../db/database.ts';
import { withTenant } from '../../tenancy/tenantScope.ts';
import type { Role } from '../roles.ts';
import { accountLocked, recordFailedSignIn } from '../signInLockout.ts';

/**
 * A wrong (or replayed) code or recovery code: it counts toward the same lockout as a wrong password and is
 * audited, in a transaction of its own so that it stays recorded. Returns the error to answer with.
 */
export async function refuseWrongCode(
  db: Database,
  attempt: { tenantId: string; userId: string; role: Role; deviceId: string; kind: 'totp' | 'recovery-code' },
  now: Date,
): Promise<AppError> {
  const lockedUntil = await withTenant(db, attempt.tenantId, async (tx) => {
    await recordAuditEvent(tx, {
      tenantId: attempt.tenantId,
      actor: { userId: attempt.userId, role: attempt.role },
      device: { deviceId: attempt.deviceId, workstation: null },
      patientId: null,
      action: 'mfa-verify',
      outcome: 'failure',
      detail: { method: attempt.kind },
    });
    return recordFailedSignIn(tx, { tenantId: attempt.tenantId, id: attempt.userId, role: attempt.role, deviceId: attempt.deviceId }, now);
  });
  if (lockedUntil) return accountLocked(lockedUntil);
  const what = attempt.kind === 'totp' ? 'code' : 'recovery code';
  return new AppError('UNAUTHORIZED', `That ${what} is not correct, or was already used. Try again.`, [
    { path: attempt.kind === 'totp' ? 'code' : 'recoveryCode', message: `Not a valid ${what}` },
  ]);
}
