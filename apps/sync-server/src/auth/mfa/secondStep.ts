import type { Queryable } from '../../db/database.ts';
import type { UserRow } from '../users.ts';
import type { ChallengePurpose } from './challenges.ts';
import { hasActiveFactor } from './factors.ts';
import { mfaRequiredFor } from './mfaPolicy.ts';

/** What a right password still needs: a code (the user has an authenticator), enrolling one (their role requires it), or nothing. */
export async function secondStepFor(tx: Queryable, user: UserRow): Promise<ChallengePurpose | null> {
  if (await hasActiveFactor(tx, user.id)) return 'verify';
  return mfaRequiredFor(user.role) ? 'enrol' : null;
}
