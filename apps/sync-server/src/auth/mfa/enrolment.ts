import { AppError } from '@eonpro/core';
import { recordAuditEvent } from '../../audit/recordAuditEvent.ts';
import type { Transaction } from '../../db/database.ts';
import type { UserRow } from '../users.ts';
import { hasActiveFactor, lockFactor, markStepUsed, savePendingFactor } from './factors.ts';
import type { MfaDeps } from './mfaDeps.ts';
import { issueRecoveryCodes } from './recoveryCodes.ts';
import { acceptedTotpStep, newTotpSecret, otpauthUri } from './totp.ts';
import { openTotpSecret, sealTotpSecret } from './totpSecretSeal.ts';

/** What the enrolment screen shows: the QR code's URI and the same secret as text for typing in by hand. */
export interface EnrolmentStart {
  otpauthUri: string;
  secret: string;
}

/** A new secret, sealed and kept inactive until a code from it verifies; a second start replaces it. In tenant scope. */
export async function startEnrolment(deps: MfaDeps, tx: Transaction, tenantId: string, user: UserRow): Promise<EnrolmentStart> {
  if (await hasActiveFactor(tx, user.id)) throw alreadyEnrolled();
  const secret = newTotpSecret();
  await savePendingFactor(tx, tenantId, user.id, await sealTotpSecret(deps.sealer, tx, tenantId, secret));
  return { otpauthUri: otpauthUri(user.email, secret), secret };
}

/**
 * A first code from the new authenticator: when right, the factor becomes active (that code's step counts as
 * used), ten recovery codes replace any old ones, and the enrolment is audited. In tenant scope.
 */
export async function activateEnrolment(
  deps: MfaDeps,
  tx: Transaction,
  tenantId: string,
  user: UserRow,
  attempt: { code: string; deviceId: string; now: Date },
): Promise<string[] | 'wrong-code'> {
  const factor = await lockFactor(tx, user.id);
  if (factor?.activated_at) throw alreadyEnrolled();
  if (!factor) throw new AppError('CONFLICT', 'Start setting up two-step sign-in first: there is no authenticator waiting for a code.');
  const secret = await openTotpSecret(deps.sealer, tx, tenantId, factor.secret_sealed);
  const step = await acceptedTotpStep(secret, attempt.code, attempt.now, null);
  if (step === null) return 'wrong-code';
  await markStepUsed(tx, user.id, step, true);
  const recoveryCodes = await issueRecoveryCodes(tx, tenantId, user.id);
  await recordAuditEvent(tx, {
    tenantId,
    actor: { userId: user.id, role: user.role },
    device: { deviceId: attempt.deviceId, workstation: null },
    patientId: null,
    action: 'mfa-enrol',
    outcome: 'success',
    entity: 'user',
    recordId: user.id,
    detail: { method: 'totp', recoveryCodes: recoveryCodes.length },
  });
  return recoveryCodes;
}

function alreadyEnrolled(): AppError {
  return new AppError('CONFLICT', 'Two-step sign-in is already set up for this account. An administrator can reset it.');
}
