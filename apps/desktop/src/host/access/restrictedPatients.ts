import { AppError } from '@eonpro/core';

/**
 * Only a clinic administrator marks a patient restricted or lifts it (the server checks the same on push). A new
 * patient is unrestricted unless said otherwise, so registering one with `restricted: false` is anyone's to do.
 */
export function requireAdminToRestrict(role: string, fields: object, change: 'register' | 'update'): void {
  const restricted = (fields as { restricted?: unknown }).restricted;
  if (restricted === undefined || role === 'admin') return;
  if (change === 'register' && restricted === false) return;
  throw new AppError('FORBIDDEN', 'Only a clinic administrator can restrict a patient or lift a restriction.', [
    { path: 'restricted', message: 'Only an administrator can change this' },
  ]);
}
