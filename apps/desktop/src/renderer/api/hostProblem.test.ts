import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TRPCClientError } from '@trpc/client';
import { fieldMessages, isSessionLost, toHostProblem } from './hostProblem.ts';

/** An error as the host's tRPC error formatter sends it (docs/contracts.md): appCode and issues in data. */
function hostError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { code: -32600, message, data: { code: 'BAD_REQUEST', httpStatus: 400, ...data } } });
}

describe('toHostProblem', () => {
  it('reads the app code, message and issues the host sends', () => {
    const problem = toHostProblem(
      hostError('The patient registration is not valid: birthDate: Cannot be in the future', {
        appCode: 'VALIDATION',
        issues: [{ path: 'birthDate', message: 'Cannot be in the future' }],
      }),
    );
    assert.deepEqual(problem, {
      code: 'VALIDATION',
      message: 'The patient registration is not valid: birthDate: Cannot be in the future',
      issues: [{ path: 'birthDate', message: 'Cannot be in the future' }],
    });
  });

  it('falls back to the tRPC code when the host gave no app code', () => {
    assert.equal(toHostProblem(hostError('No such procedure', { code: 'NOT_FOUND' })).code, 'NOT_FOUND');
  });

  it('never shows the text of an unexpected error', () => {
    const problem = toHostProblem(hostError('SQLITE_CORRUPT at /home/clinic/db', { code: 'INTERNAL_SERVER_ERROR' }));
    assert.equal(problem.code, 'INTERNAL');
    assert.doesNotMatch(problem.message, /SQLITE|home/);
  });

  it('says the local service is not answering when no answer came back', () => {
    const problem = toHostProblem(TRPCClientError.from(new TypeError('fetch failed')));
    assert.equal(problem.code, 'UNREACHABLE');
    assert.match(problem.message, /still here/);
  });

  it('recognises a refused launch token (HTTP 401 without a tRPC body)', () => {
    const error = TRPCClientError.from({ error: { message: 'wrong token' } } as never, { meta: { response: { status: 401 } } });
    assert.equal(toHostProblem(error).code, 'LAUNCH_LINK');
  });

  it('treats UNAUTHORIZED, ACCOUNT_DISABLED and LOCKED as a lost session, and nothing else', () => {
    assert.equal(isSessionLost(toHostProblem(hostError('Please sign in first.', { appCode: 'UNAUTHORIZED' }))), true);
    assert.equal(isSessionLost(toHostProblem(hostError('No longer active.', { appCode: 'ACCOUNT_DISABLED' }))), true);
    assert.equal(isSessionLost(toHostProblem(hostError('Locked.', { appCode: 'LOCKED' }))), true);
    assert.equal(isSessionLost(toHostProblem(hostError('Only an admin.', { appCode: 'FORBIDDEN' }))), false);
  });
});

describe('fieldMessages', () => {
  it('gives each field its first message, with the input wrapper taken off the path', () => {
    const messages = fieldMessages(
      [
        { path: 'changes.birthDate', message: 'Changed by someone else since you opened the record' },
        { path: 'changes.birthDate', message: 'Cannot be in the future' },
        { path: 'mrn', message: 'Already in use' },
      ],
      ['changes'],
    );
    assert.deepEqual(messages, { birthDate: 'Changed by someone else since you opened the record', mrn: 'Already in use' });
  });
});
