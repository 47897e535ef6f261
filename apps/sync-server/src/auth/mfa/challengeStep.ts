import type { Transaction } from '../../db/database.ts';
import { withTenant } from '../../tenancy/tenantScope.ts';
import { tenantName } from '../../tenancy/tenants.ts';
import { accountLocked } from '../signInLockout.ts';
import { findUser, type UserRow } from '../users.ts';
import { challengeEnded, openChallenge, tenantOfChallengeToken, useChallenge, type Challenge, type ChallengePurpose } from './challenges.ts';
import { nowOf, type MfaDeps } from './mfaDeps.ts';
import { refuseWrongCode } from './wrongCode.ts';

/** Where a challenge stands inside its tenant transaction: its user, checked active and not locked. */
export interface OpenedChallenge {
  tenant: { tenantId: string; tenantName: string };
  challenge: Challenge;
  user: UserRow;
}

/**
 * Runs `step` in the challenge's tenant with the challenge open (live, right purpose) and its user active and not
 * locked. `step` answers either its result (the challenge is then used up when `usesUp`) or 'wrong-code', which
 * is counted and audited apart and refused.
 */
export async function withChallenge<T>(
  deps: MfaDeps,
  token: string,
  use: { purpose: ChallengePurpose; kind: 'totp' | 'recovery-code'; usesUp: boolean },
  step: (tx: Transaction, opened: OpenedChallenge, now: Date) => Promise<T | 'wrong-code'>,
): Promise<T> {
  const tenantId = tenantOfChallengeToken(token);
  const clinicName = tenantId ? await tenantName(deps.db, tenantId) : null;
  if (!tenantId || clinicName === null) throw challengeEnded();
  const now = nowOf(deps);
  const outcome = await withTenant(deps.db, tenantId, async (tx) => {
    const challenge = await openChallenge(tx, token, use.purpose, now);
    const user = await findUser(tx, challenge.userId);
    if (!user?.active) throw challengeEnded();
    if (user.locked_until && user.locked_until > now) throw accountLocked(user.locked_until);
    const result = await step(tx, { tenant: { tenantId, tenantName: clinicName }, challenge, user }, now);
    if (result !== 'wrong-code' && use.usesUp) await useChallenge(tx, challenge.id);
    return { result, user, challenge };
  });
  if (outcome.result === 'wrong-code') {
    throw await refuseWrongCode(deps.db, { tenantId, userId: outcome.user.id, role: outcome.user.role, deviceId: outcome.challenge.deviceId, kind: use.kind }, now);
  }
  return outcome.result;
}
