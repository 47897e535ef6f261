import { AppError } from '@eonpro/core';

/**
 * The answer to any call by a user the clinic has disabled. Its own code (not plain UNAUTHORIZED) so a workstation
 * can tell it from an expired session: it then ends the session and refuses that user's offline sign-in too.
 */
export function accountDisabled(): AppError {
  return new AppError('ACCOUNT_DISABLED', 'Your account is no longer active. Ask the clinic administrator.');
}
