import type { Role } from '../roles.ts';

/** Roles that cannot get a session without two-step sign-in: they prescribe or administer the clinic. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['prescriber', 'admin'];

export function mfaRequiredFor(role: Role): boolean {
  return MFA_REQUIRED_ROLES.includes(role);
}
