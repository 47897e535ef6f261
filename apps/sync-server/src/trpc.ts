import { randomUUID } from 'node:crypto';
import { AppError, knownValuesOf } from '@eonpro/core';
import { initTRPC, TRPCError } from '@trpc/server';
import { verifyAccessToken, type AccessClaims } from './auth/accessToken.ts';
import { recordProcedureCall } from './audit/recordProcedureCall.ts';
import { RequestAudit } from './audit/requestAudit.ts';
import { accountDisabled } from './auth/accountDisabled.ts';
import { requireApprovedWorkstation } from './auth/devices.ts';
import { hasActiveFactor } from './auth/mfa/factors.ts';
import { mfaRequiredFor, secondStepNowRequired } from './auth/mfa/mfaPolicy.ts';
import { clinicalWriterRoles, type Role } from './auth/roles.ts';
import { findUser } from './auth/users.ts';
import { formatError, trpcCodeOf } from './errorShape.ts';
import { withKnownValues } from './logging/callKnownValues.ts';
import { describeError, type Logger } from './logging/logger.ts';
import type { ServerServices } from './services.ts';
import { withTenant } from './tenancy/tenantScope.ts';

export interface Context {
  services: ServerServices;
  requestId: string;
  /** The bearer token from the Authorization header, unverified. */
  accessToken: string | null;
  /** The request's logger: every line carries its request id. */
  log: Logger;
  /** Who called and what the call concerned, for its audit entry. */
  audit: RequestAudit;
}

export function createContext(services: ServerServices, request: { requestId?: string; authorization?: string | null } = {}): Context {
  const requestId = request.requestId ?? randomUUID();
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.authorization ?? '');
  return { services, requestId, accessToken: bearer?.[1] ?? null, log: services.log.child({ reqId: requestId }), audit: new RequestAudit() };
}

const t = initTRPC.context<Context>().create({ isDev: false, errorFormatter: formatError });

/** The names and identifiers in a call's input are redacted from every log line the call writes. */
const redactInputValues = t.middleware(async ({ getRawInput, next }) => {
  const input = await getRawInput().catch(() => undefined);
  return withKnownValues(knownValuesOf(input), next);
});

/** Logs every call with its outcome: procedure, code and duration; for unexpected errors, where they came from. Feeds the metrics. */
const logCalls = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const elapsedMs = performance.now() - started;
  ctx.services.metrics.observeCall(path, elapsedMs / 1000, result.ok ? null : result.error.code);
  const durationMs = Math.round(elapsedMs);
  if (result.ok) ctx.log.info({ procedure: path, type, durationMs }, 'call');
  else if (result.error.code === 'INTERNAL_SERVER_ERROR') ctx.log.error({ procedure: path, type, durationMs, err: describeError(result.error.cause ?? result.error) }, 'call failed');
  else ctx.log.warn({ procedure: path, type, durationMs, code: result.error.code }, 'call refused');
  return result;
});

/**
 * Records every finished call in the caller's audit chain (audit/procedureAudits.ts maps procedures to actions).
 * A call whose entry cannot be recorded fails: patient data is never handed out unaudited.
 */
const auditCalls = t.middleware(async ({ ctx, path, next, getRawInput }) => {
  const result = await next();
  await recordProcedureCall(ctx.services, ctx.audit, {
    path,
    ok: result.ok,
    errorCode: result.ok ? null : result.error.code,
    data: result.ok ? result.data : undefined,
    rawInput: getRawInput,
    accessToken: ctx.accessToken,
  });
  return result;
});

/** Services report problems as AppError (code, message, issues); here they become tRPC errors with the matching status. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  const cause = result.ok ? null : result.error.cause;
  if (cause instanceof AppError) throw new TRPCError({ code: trpcCodeOf(cause.code), message: cause.message, cause });
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(redactInputValues).use(logCalls).use(auditCalls).use(appErrors);

/** A valid access token: ctx.caller names the user, tenant, role and device. */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.accessToken) throw new AppError('UNAUTHORIZED', 'You are not signed in. Sign in again.');
  const caller: AccessClaims = await verifyAccessToken(ctx.services.keys, ctx.accessToken);
  ctx.audit.identify(caller);
  return next({ ctx: { caller } });
});

/**
 * The token's user is still active and its workstation still approved, checked against the tenant's data on
 * every call; ctx.caller.role is the user's role now, not when the token was issued.
 */
export const tenantProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const role = await withTenant(ctx.services.db, ctx.caller.tenantId, async (tx) => {
    const user = await findUser(tx, ctx.caller.userId);
    if (!user?.active) throw accountDisabled();
    await requireApprovedWorkstation(tx, ctx.caller.deviceId);
    // A role that requires the second step, without an authenticator now (promoted since, or reset): the session ends.
    if (mfaRequiredFor(user.role) && !(await hasActiveFactor(tx, user.id))) throw secondStepNowRequired();
    return user.role;
  });
  ctx.audit.identify({ ...ctx.caller, role });
  return next({ ctx: { caller: { ...ctx.caller, role } } });
});

function assertRole(role: Role, allowed: readonly Role[]): void {
  if (!allowed.includes(role)) throw new AppError('FORBIDDEN', 'Your role does not allow this.');
}

/** Roles that may change clinical data (everyone but auditors). */
export const clinicalWriterProcedure = tenantProcedure.use(({ ctx, next }) => {
  assertRole(ctx.caller.role, clinicalWriterRoles);
  return next();
});

export const adminProcedure = tenantProcedure.use(({ ctx, next }) => {
  assertRole(ctx.caller.role, ['admin']);
  return next();
});
