import { AppError, issuesFromZod, knownValuesOf, type AppErrorCode } from '@eonpro/core';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { auditActorOf } from '../audit/auditActor.ts';
import { recordProcedureCall } from '../audit/recordProcedureCall.ts';
import type { HostRuntime } from '../hostRuntime.ts';
import { withKnownValues } from '../logKnownValues.ts';

export interface HostContext {
  host: HostRuntime;
}

type TrpcCode = TRPCError['code'];
const TRPC_CODES: Record<AppErrorCode, TrpcCode> = {
  VALIDATION: 'BAD_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHORIZED: 'UNAUTHORIZED',
  ACCOUNT_DISABLED: 'UNAUTHORIZED',
  LOCKED: 'PRECONDITION_FAILED',
  DEVICE_PENDING: 'FORBIDDEN',
  DEVICE_REVOKED: 'FORBIDDEN',
  OFFLINE: 'SERVICE_UNAVAILABLE',
  IMPORT_INVALID: 'UNPROCESSABLE_CONTENT',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/**
 * tRPC's own transport messages can quote the request (a JSON syntax error shows part of the body, an unknown
 * procedure its name): a client is told only what kind of problem it was.
 */
const TRANSPORT_MESSAGES: Partial<Record<TrpcCode, string>> = {
  PARSE_ERROR: 'The request could not be read: it is not valid JSON.',
  BAD_REQUEST: 'The request could not be read.',
  NOT_FOUND: 'There is no such procedure on this workstation.',
  METHOD_NOT_SUPPORTED: 'This procedure does not accept that HTTP method.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
};

/**
 * Errors reach the renderer as `message` (a sentence for a clinician) and `data.appCode` + `data.issues`
 * (field paths). Unexpected errors say only that something went wrong: their text may hold anything.
 */
const t = initTRPC.context<HostContext>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    if (cause instanceof AppError) {
      return { ...shape, message: cause.message, data: { ...shape.data, appCode: cause.code, issues: cause.issues } };
    }
    if (cause instanceof ZodError) {
      const issues = issuesFromZod(cause);
      const first = issues[0];
      const message = `Some of what was entered is not valid${first ? ` (${first.path || 'input'}: ${first.message})` : ''}.`;
      return { ...shape, message, data: { ...shape.data, appCode: 'VALIDATION' as AppErrorCode, issues } };
    }
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      return {
        ...shape,
        message: 'Something went wrong on this workstation. Nothing was saved by this action.',
        data: { ...shape.data, appCode: 'INTERNAL' as AppErrorCode, issues: [] },
      };
    }
    const transportMessage = TRANSPORT_MESSAGES[error.code];
    if (transportMessage) {
      // An unknown procedure's path is whatever the client sent.
      const path = error.code === 'NOT_FOUND' ? undefined : shape.data.path;
      return { ...shape, message: transportMessage, data: { ...shape.data, path, appCode: undefined, issues: [] } };
    }
    return { ...shape, data: { ...shape.data, appCode: undefined, issues: [] } };
  },
});

/** AppErrors become tRPC errors with the matching HTTP meaning; unexpected ones are logged by id and name only. */
const appErrors = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) throw new TRPCError({ code: TRPC_CODES[cause.code], message: cause.message, cause });
  if (result.error.code === 'INTERNAL_SERVER_ERROR') {
    const failure = cause ?? result.error;
    ctx.host.logger.error({ path, err: { type: failure.name, code: (failure as { code?: unknown }).code } }, 'procedure failed');
  }
  return result;
});

/**
 * Records every call in the workstation's audit chain as audit/auditedProcedures.ts says: reads and denials here,
 * changes by their writers. A read that cannot be recorded fails, so no patient data leaves unrecorded.
 */
const auditCalls = t.middleware(async ({ ctx, path, getRawInput, next }) => {
  const signedInBefore = ctx.host.session.user;
  const result = await next();
  recordProcedureCall(ctx.host.storeIfOpen(), ctx.host.logger, {
    path,
    rawInput: await getRawInput().catch(() => undefined),
    actor: auditActorOf(signedInBefore ?? ctx.host.session.user),
    outcome: result.ok ? { ok: true, output: result.data } : { ok: false, error: result.error },
  });
  return result;
});

/** The names and identifiers in a call's input are redacted from every log line the call writes. */
const redactInputValues = t.middleware(async ({ getRawInput, next }) => {
  const input = await getRawInput().catch(() => undefined);
  return withKnownValues(knownValuesOf(input), next);
});

export const router = t.router;
export const publicProcedure = t.procedure.use(redactInputValues).use(appErrors).use(auditCalls);

/** Procedures for a signed-in user on an unlocked workstation. */
export const signedInProcedure = publicProcedure.use(({ ctx, next }) => next({ ctx: { ...ctx, ...ctx.host.requireSignedIn() } }));

/** Procedures only a clinic admin may run on this workstation. */
export const adminProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin') throw new AppError('FORBIDDEN', 'Only a clinic administrator can do this.');
  return next();
});
