import { AppError } from '@eonpro/core';
import type { Role } from '../roles.ts';

/** Roles that cannot get a session without two-step sign-in: they prescribe or administer the clinic. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['prescriber', 'admin'];

export function mfaRequiredFor(role: Role): boolean {
  return MFA_REQUIRED_ROLES.includes(role);
}

/** A session opened without the second step, for a user whose role now requires it (promoted since): it ends. */
export function secondStepNowRequired(): AppError {
  return new AppError('UNAUTHORIZED', 'Your role now requires two-step sign-in. Sign in again to set it up.');
}
