import { AppError } from '@eonpro/core';
import type { Role } from '../roles.ts';

/** Roles that cannot get a session without two-step sign-in: they prescribe or administer the clinic. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['prescriber', 'admin'];

export function mfaRequiredFor(role: Role): boolean {
  return MFA_REQUIRED_ROLES.includes(role);
}

/** A session of a user whose role requires the second step but who has no authenticator now (promoted, or reset): it ends. */
export function secondStepNowRequired(): AppError {
  return new AppError('UNAUTHORIZED', 'Your role requires two-step sign-in, which is not set up for your account. Sign in again to set it up.');
}
