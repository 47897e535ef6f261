import { AppError, type AppErrorCode, type Issue } from '@eonpro/core';
import { TRPCClientError } from '@trpc/client';
import { CERTIFICATE_PROBLEM_MESSAGES, certificateProblemOf } from './certificateProblem.ts';
import { isConnectionFailure } from './connectionFailure.ts';

const CODES_FROM_TRPC: Record<string, AppErrorCode> = {
  BAD_REQUEST: 'VALIDATION',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'CONFLICT',
  TOO_MANY_REQUESTS: 'FORBIDDEN',
};

export const OFFLINE_MESSAGE = 'The sync server cannot be reached. Check the network connection and try again.';

/**
 * The sync server's answer as an AppError for the renderer. The server's messages are written for clinicians and
 * carry no PHI, so they are passed on; anything else becomes a plain sentence.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const certificateProblem = certificateProblemOf(error);
  if (certificateProblem) return new AppError('OFFLINE', CERTIFICATE_PROBLEM_MESSAGES[certificateProblem]);
  if (isConnectionFailure(error)) return new AppError('OFFLINE', OFFLINE_MESSAGE);
  if (error instanceof TRPCClientError && error.data) {
    const data = error.data as { appCode?: unknown; code?: unknown; issues?: unknown };
    const appCode = typeof data.appCode === 'string' ? (data.appCode as AppErrorCode) : undefined;
    const code = appCode ?? CODES_FROM_TRPC[String(data.code)] ?? 'INTERNAL';
    const issues = Array.isArray(data.issues) ? (data.issues as Issue[]) : [];
    return new AppError(code, code === 'INTERNAL' ? 'The sync server could not complete the request.' : error.message, issues);
  }
  return new AppError('INTERNAL', 'The sync server answered in a way this app does not understand.');
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: unknown } | undefined)?.code === 'UNAUTHORIZED';
}

/** The server says the clinic disabled this account (not merely that the session expired). */
export function isAccountDisabled(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { appCode?: unknown } | undefined)?.appCode === 'ACCOUNT_DISABLED';
}
