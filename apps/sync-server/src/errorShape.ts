import { AppError, formatPath, type AppErrorCode, type Issue } from '@eonpro/core';
import type { TRPC_ERROR_CODE_KEY, TRPCDefaultErrorShape, TRPCError } from '@trpc/server';
import type { Context } from './trpc.ts';

const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION: 'BAD_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHORIZED: 'UNAUTHORIZED',
  ACCOUNT_DISABLED: 'UNAUTHORIZED',
  LOCKED: 'TOO_MANY_REQUESTS',
  DEVICE_PENDING: 'FORBIDDEN',
  DEVICE_REVOKED: 'FORBIDDEN',
  OFFLINE: 'SERVICE_UNAVAILABLE',
  IMPORT_INVALID: 'UNPROCESSABLE_CONTENT',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/** What a client may see of an error: codes, a message written for people, and where the problem is. Never a stack or a value. */
export interface ErrorData {
  code: TRPC_ERROR_CODE_KEY;
  httpStatus: number;
  path: string | null;
  appCode: AppErrorCode | null;
  issues: Issue[];
  requestId: string | null;
}

const TRANSPORT_MESSAGES: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  PARSE_ERROR: 'The request could not be read: it is not valid JSON.',
  BAD_REQUEST: 'The request could not be read.',
  NOT_FOUND: 'There is no such procedure on this server.',
  METHOD_NOT_SUPPORTED: 'This procedure does not accept that HTTP method.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
};

/** The error formatter: every error a client sees passes through here. */
export function formatError({ shape, error, ctx }: { shape: TRPCDefaultErrorShape; error: TRPCError; ctx: Context | undefined }) {
  const cause = error.cause;
  const appError = cause instanceof AppError ? cause : null;
  const invalidInput = error.code === 'BAD_REQUEST' && !appError ? inputIssues(cause) : null;
  let message: string;
  if (appError) message = appError.message;
  else if (invalidInput) message = `The request is not valid${invalidInput[0] ? `: ${invalidInput[0].path || 'input'}: ${invalidInput[0].message}` : '.'}`;
  else if (error.code === 'INTERNAL_SERVER_ERROR') message = `Something went wrong on the server. It has been logged${ctx ? ` under reference ${ctx.requestId}` : ''}.`;
  // tRPC's own messages can quote the request (a JSON syntax error shows part of the body): say only what kind of problem it was.
  else message = TRANSPORT_MESSAGES[error.code] ?? 'The server refused the request.';
  const data: ErrorData = {
    code: shape.data.code,
    httpStatus: shape.data.httpStatus,
    // tRPC's NOT_FOUND is an unknown procedure: its path is whatever the client sent.
    path: error.code === 'NOT_FOUND' && !appError ? null : (shape.data.path ?? null),
    appCode: appError?.code ?? null,
    issues: appError?.issues ?? invalidInput ?? [],
    requestId: ctx?.requestId ?? null,
  };
  return { code: shape.code, message, data };
}

/** Issues of a failed input schema (zod, or any standard schema), with paths and rule messages only. */
function inputIssues(cause: unknown): Issue[] | null {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return null;
  return issues.map((issue: { path?: readonly (PropertyKey | { key: PropertyKey })[]; message?: string }) => ({
    path: formatPath((issue.path ?? []).map((part) => (typeof part === 'object' ? part.key : part))),
    message: issue.message ?? 'Not valid',
  }));
}

/** The tRPC code (and so the HTTP status) an AppError is answered with. */
export function trpcCodeOf(code: AppErrorCode): TRPC_ERROR_CODE_KEY {
  return TRPC_CODE[code];
}
