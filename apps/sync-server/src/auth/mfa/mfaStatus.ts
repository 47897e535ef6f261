import type { Database } from '../../db/database.ts';
import { withTenant } from '../../tenancy/tenantScope.ts';
import type { AccessClaims } from '../accessToken.ts';
import { hasActiveFactor } from './factors.ts';
import { mfaRequiredFor } from './mfaPolicy.ts';
import { unusedRecoveryCodes } from './recoveryCodes.ts';

export interface MfaStatus {
  /** An authenticator is set up and active. */
  enrolled: boolean;
  /** The caller's role cannot sign in without it. */
  required: boolean;
  recoveryCodesLeft: number;
}

export function mfaStatus(db: Database, caller: AccessClaims): Promise<MfaStatus> {
  return withTenant(db, caller.tenantId, async (tx) => ({
    enrolled: await hasActiveFactor(tx, caller.userId),
    required: mfaRequiredFor(caller.role),
    recoveryCodesLeft: await unusedRecoveryCodes(tx, caller.userId),
  }));
}
