import { AppError } from '@eonpro/core';
import { isCommonPassword } from './commonPasswords.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwordLength.ts';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwordLength.ts';

/**
 * What is wrong with a new password, or null when it may be used. NIST SP 800-63B style: a length range and a
 * common-password check (commonPasswords.ts), no composition rules.
 */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `At least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `At most ${PASSWORD_MAX_LENGTH} characters`;
  if (isCommonPassword(password)) return 'Too common: choose a password that is harder to guess';
  return null;
}

/** Wherever a password is set: a VALIDATION error naming the `password` field, never quoting it. */
export function assertPasswordAllowed(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new AppError('VALIDATION', `The password cannot be used: ${problem.toLowerCase()}.`, [{ path: 'password', message: problem }]);
}
