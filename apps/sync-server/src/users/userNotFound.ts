import { AppError } from '@eonpro/core';

/** The same answer for an id that does not exist and an id of another clinic's user. */
export function userNotFound(): AppError {
  return new AppError('NOT_FOUND', 'There is no such user in this clinic.', [{ path: 'userId', message: 'Not found' }]);
}
