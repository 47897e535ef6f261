import { AppError, type AppErrorCode, type AuditAction } from '@eonpro/core';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { LocalStore } from '../local/localStore.ts';
import type { HostLogger } from '../logger.ts';
import { appendAuditEvent, type AuditFacts } from './appendAuditEvent.ts';
import type { AuditActor } from './auditActor.ts';
import { readBoundTenant } from './auditRows.ts';
import { auditedProcedures, uuidOrNull, type ProcedureAudit } from './auditedProcedures.ts';

export interface ProcedureCall {
  path: string;
  rawInput: unknown;
  /** The person signed in when the call began (or, when none was, when it ended: a sign-in). */
  actor: AuditActor;
  outcome: { ok: true; output: unknown } | { ok: false; error: unknown };
}

const DENIAL_CODES: readonly AppErrorCode[] = ['UNAUTHORIZED', 'ACCOUNT_DISABLED', 'FORBIDDEN'];

/**
 * Records a finished host call in the audit chain, as auditedProcedures says. A successful read that cannot be
 * recorded fails (throws), so no patient data is shown unrecorded; a failure that cannot be recorded keeps its own
 * error and is logged by id only. Nothing is recorded while the workstation is locked or belongs to no clinic yet.
 */
export function recordProcedureCall(store: LocalStore | null, logger: HostLogger, call: ProcedureCall): void {
  // Patient data reaches a workstation only after it is bound to a clinic, so an unbound one has nothing to record.
  if (!store || readBoundTenant(store.db) === null) return;
  const audit: ProcedureAudit | undefined = auditedProcedures[call.path];
  const input = isRecord(call.rawInput) ? call.rawInput : {};
  if (call.outcome.ok) {
    if (audit && typeof audit.success === 'function') {
      appendAuditEvent(store, call.actor, withProcedure(audit.success({ input, output: call.outcome.output }), call.path));
    }
    return;
  }
  const facts = failureFacts(audit, errorCode(call.outcome.error), input);
  if (!facts) return;
  try {
    appendAuditEvent(store, call.actor, withProcedure(facts, call.path));
  } catch (error) {
    logger.error({ procedure: call.path, action: facts.action, err: { type: (error as Error).name } }, 'audit entry for a failed call not recorded');
  }
}

function failureFacts(audit: ProcedureAudit | undefined, code: AppErrorCode, input: Record<string, unknown>): AuditFacts | null {
  if (code === 'LOCKED') return null;
  const denied = DENIAL_CODES.includes(code) && audit?.failure !== 'sign-in-failed';
  const action: AuditAction | null = denied ? 'access-denied' : (audit?.failure ?? null);
  if (action === null) return null;
  return {
    action,
    outcome: denied ? 'denied' : 'failure',
    patientId: uuidOrNull(audit?.patientId?.(input)),
    detail: { code },
  };
}

function withProcedure(facts: AuditFacts, path: string): AuditFacts {
  return { ...facts, detail: { ...facts.detail, procedure: path } };
}

const CODES_FROM_TRPC: Partial<Record<TRPCError['code'], AppErrorCode>> = {
  BAD_REQUEST: 'VALIDATION',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
};

function errorCode(error: unknown): AppErrorCode {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof AppError) return cause.code;
  if (cause instanceof ZodError) return 'VALIDATION';
  return (error instanceof TRPCError && CODES_FROM_TRPC[error.code]) || 'INTERNAL';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
