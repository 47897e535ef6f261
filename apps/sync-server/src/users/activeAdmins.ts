import { AppError } from '@eonpro/core';
import type { Queryable } from '../db/database.ts';

/**
 * Refuses a change that would leave the tenant without an active administrator. The active admins' rows are
 * locked first, so two admins demoting or disabling each other at the same moment are taken one after the other
 * and the second sees the first's change. In tenant scope.
 */
export async function assertAnotherActiveAdmin(tx: Queryable, leavingUserId: string): Promise<void> {
  const admins = await tx.query<{ id: string }>(`select id from users where role = 'admin' and active order by id for update`);
  if (!admins.some((admin) => admin.id !== leavingUserId)) {
    throw new AppError('CONFLICT', 'This is the last active administrator of the clinic. Make someone else an administrator first.');
  }
}

/** An administrator may not demote or disable their own account: another administrator must. */
export function assertNotSelf(callerUserId: string, targetUserId: string, what: string): void {
  if (callerUserId === targetUserId) throw new AppError('CONFLICT', `You cannot ${what} your own account. Ask another administrator.`);
}
