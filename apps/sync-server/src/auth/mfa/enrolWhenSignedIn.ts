import { AppError } from '@eonpro/core';
import type { Queryable } from '../../db/database.ts';
import { withTenant } from '../../tenancy/tenantScope.ts';
import type { AccessClaims } from '../accessToken.ts';
import { findUser, type UserRow } from '../users.ts';
import { activateEnrolment, startEnrolment, type EnrolmentStart } from './enrolment.ts';
import { nowOf, type MfaDeps } from './mfaDeps.ts';
import { refuseWrongCode } from './wrongCode.ts';

/** Any signed-in user may turn two-step sign-in on for their own account. */
export function beginEnrolment(deps: MfaDeps, caller: AccessClaims): Promise<EnrolmentStart> {
  return withTenant(deps.db, caller.tenantId, async (tx) => startEnrolment(deps, tx, caller.tenantId, await signedInUser(tx, caller)));
}

export async function confirmEnrolment(deps: MfaDeps, caller: AccessClaims, code: string): Promise<{ recoveryCodes: string[] }> {
  const now = nowOf(deps);
  const recoveryCodes = await withTenant(deps.db, caller.tenantId, async (tx) =>
    activateEnrolment(deps, tx, caller.tenantId, await signedInUser(tx, caller), { code, deviceId: caller.deviceId, now }),
  );
  if (recoveryCodes === 'wrong-code') throw await refuseWrongCode(deps.db, { tenantId: caller.tenantId, userId: caller.userId, role: caller.role, deviceId: caller.deviceId, kind: 'totp' }, now);
  return { recoveryCodes };
}

async function signedInUser(tx: Queryable, caller: AccessClaims): Promise<UserRow> {
  const user = await findUser(tx, caller.userId);
  if (!user) throw new AppError('UNAUTHORIZED', 'You are not signed in. Sign in again.');
  return user;
}
