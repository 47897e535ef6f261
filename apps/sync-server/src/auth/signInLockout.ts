import { AppError } from '@eonpro/core';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { Transaction } from '../db/database.ts';
import type { Role } from './roles.ts';

/** Failed sign-ins in a row before the account locks. */
export const FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;

/** One minute at the fifth failure in a row, doubling with each further one, never more than an hour. */
export function lockDurationMs(consecutiveFailures: number): number {
  if (consecutiveFailures < FAILURES_BEFORE_LOCK) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(consecutiveFailures - FAILURES_BEFORE_LOCK, 6));
}

/** The refusal of a locked account, even with the right password. Names the time only. */
export function accountLocked(until: Date): AppError {
  return new AppError('LOCKED', `Too many failed sign-ins: this account is locked until ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC. Try again then.`);
}

/**
 * Counts a wrong password (in tenant scope); from the fifth in a row, locks the account and audits the lockout.
 * Returns until when it is now locked, or null.
 */
export async function recordFailedSignIn(tx: Transaction, user: { tenantId: string; id: string; role: Role; deviceId: string }, now: Date): Promise<Date | null> {
  const [row] = await tx.query<{ failed_sign_ins: number }>(
    'update users set failed_sign_ins = failed_sign_ins + 1 where id = $1 returning failed_sign_ins',
    [user.id],
  );
  const failures = row?.failed_sign_ins ?? 0;
  const duration = lockDurationMs(failures);
  if (duration === 0) return null;
  const until = new Date(now.getTime() + duration);
  await tx.query('update users set locked_until = $2 where id = $1', [user.id, until.toISOString()]);
  await recordAuditEvent(tx, {
    tenantId: user.tenantId,
    actor: { userId: user.id, role: user.role },
    // The workstation that tried, by id; it may not be registered, so no name.
    device: { deviceId: user.deviceId, workstation: null },
    patientId: null,
    action: 'account-locked',
    outcome: 'failure',
    detail: { failedSignIns: failures, lockedMinutes: duration / 60_000 },
  });
  return until;
}

/** A good sign-in: the count starts again. */
export async function clearFailedSignIns(tx: Transaction, userId: string): Promise<void> {
  await tx.query('update users set failed_sign_ins = 0, locked_until = null where id = $1 and (failed_sign_ins <> 0 or locked_until is not null)', [userId]);
}
