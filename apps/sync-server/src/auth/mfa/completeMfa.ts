import { AppError } from '@eonpro/core';
import { recordAuditEvent } from '../../audit/recordAuditEvent.ts';
import type { Transaction } from '../../db/database.ts';
import { startSession, type Session } from '../session.ts';
import { withChallenge } from './challengeStep.ts';
import type { MfaDeps } from './mfaDeps.ts';
import { lockFactor, markStepUsed } from './factors.ts';
import { useRecoveryCode } from './recoveryCodes.ts';
import { acceptedTotpStep } from './totp.ts';
import { openTotpSecret } from './totpSecretSeal.ts';

export type SecondFactorProof = { code: string; recoveryCode?: undefined } | { recoveryCode: string; code?: undefined };

/** The second step of a sign-in: a code from the authenticator (accepted once) or an unused recovery code. */
export function completeMfa(deps: MfaDeps, input: { challengeToken: string } & SecondFactorProof): Promise<Session> {
  const kind = input.code !== undefined ? 'totp' : 'recovery-code';
  return withChallenge(deps, input.challengeToken, { purpose: 'verify', kind, usesUp: true }, async (tx, { tenant, challenge, user }, now) => {
    const proof = await checkSecondFactor(deps, tx, tenant.tenantId, user.id, input, now);
    if (!proof) return 'wrong-code';
    await recordAuditEvent(tx, {
      tenantId: tenant.tenantId,
      actor: { userId: user.id, role: user.role },
      device: { deviceId: challenge.deviceId, workstation: null },
      patientId: null,
      action: proof.method === 'totp' ? 'mfa-verify' : 'mfa-recovery-code',
      outcome: 'success',
      detail: proof.method === 'totp' ? { method: 'totp' } : { method: 'recovery-code', recoveryCodesLeft: proof.remaining },
    });
    return startSession(deps, tx, tenant, user, { id: challenge.deviceId, name: challenge.deviceName });
  });
}

async function checkSecondFactor(
  deps: MfaDeps,
  tx: Transaction,
  tenantId: string,
  userId: string,
  proof: SecondFactorProof,
  now: Date,
): Promise<{ method: 'totp' } | { method: 'recovery-code'; remaining: number } | null> {
  const factor = await lockFactor(tx, userId);
  // Reset by an administrator since the password step: there is nothing to check against.
  if (!factor?.activated_at) throw new AppError('UNAUTHORIZED', 'Two-step sign-in was reset for this account. Sign in again with your password.');
  if (proof.recoveryCode !== undefined) {
    const used = await useRecoveryCode(tx, userId, proof.recoveryCode);
    return used ? { method: 'recovery-code', remaining: used.remaining } : null;
  }
  const secret = await openTotpSecret(deps.sealer, tx, tenantId, factor.secret_sealed);
  const step = await acceptedTotpStep(secret, proof.code, now, factor.last_used_step);
  if (step === null) return null;
  await markStepUsed(tx, userId, step, false);
  return { method: 'totp' };
}
