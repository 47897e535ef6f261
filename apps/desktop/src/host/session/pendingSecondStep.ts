import { AppError } from '@eonpro/core';
import type { makeOfflineVerifier } from './offlineVerifier.ts';

export type OfflineVerifier = Awaited<ReturnType<typeof makeOfflineVerifier>>;

/**
 * A sign-in whose password the server accepted, waiting for its second step: a code from the authenticator
 * ('mfa-required') or setting one up first ('mfa-enrolment-required'). Kept in host memory only; the renderer never
 * sees the challenge token. The offline verifier is made from the password now, so the password is not kept.
 */
export interface PendingSecondStep {
  step: 'mfa-required' | 'mfa-enrolment-required';
  challengeToken: string;
  /** Epoch ms; the server refuses the challenge after this anyway. */
  expiresAt: number;
  email: string;
  verifier: OfflineVerifier;
}

/** The pending sign-in if it is at this step and still live; else a clear refusal that sends the person back to the password. */
export function requirePendingStep(pending: PendingSecondStep | null, step: PendingSecondStep['step'], nowMs: number): PendingSecondStep {
  if (!pending || pending.step !== step || pending.expiresAt <= nowMs) {
    throw new AppError('UNAUTHORIZED', 'This sign-in has expired or was not started here. Sign in again with your password.');
  }
  return pending;
}

/**
 * A refusal of the code itself (it names the field), a lockout (its time is shown) or a lost connection leaves the
 * step open for another try; any other refusal (the challenge expired or was reset) ends it.
 */
export function endsSecondStep(error: AppError): boolean {
  const codeRefused = error.code === 'UNAUTHORIZED' && error.issues.length > 0;
  return !codeRefused && !['VALIDATION', 'LOCKED', 'OFFLINE'].includes(error.code);
}
