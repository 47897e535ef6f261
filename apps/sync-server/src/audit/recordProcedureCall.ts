import type { AuditAction, AuditDetail, AuditOutcome } from '@eonpro/core';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { ServerServices } from '../services.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { identifyPublicCall } from './callerIdentity.ts';
import { procedureAuditOf } from './procedureAudits.ts';
import { recordAuditEvent } from './recordAuditEvent.ts';
import type { RequestAudit } from './requestAudit.ts';

export interface FinishedCall {
  path: string;
  ok: boolean;
  /** The tRPC code of a failed call. */
  errorCode: TRPC_ERROR_CODE_KEY | null;
  data: unknown;
  rawInput: () => Promise<unknown>;
  accessToken: string | null;
}

const REFUSALS: readonly TRPC_ERROR_CODE_KEY[] = ['FORBIDDEN', 'UNAUTHORIZED'];

/**
 * Records a finished procedure call in the caller's tenant chain (procedureAudits.ts says as what). A call whose
 * tenant cannot be known (no valid token, an unknown account) has no chain to go in; the call log keeps it.
 */
export async function recordProcedureCall(services: ServerServices, audit: RequestAudit, call: FinishedCall): Promise<void> {
  const recorded = recordedAs(call);
  if (!recorded) return;
  const identified = audit.caller ? { caller: audit.caller } : await identifyPublicCall(services, call.path, call);
  if (!identified) return;
  const { caller } = identified;
  const facts = { ...identified.facts, ...audit.facts };
  const detail: AuditDetail = { procedure: call.path, ...(call.ok ? facts.detail : { code: call.errorCode }) };
  await withTenant(services.db, caller.tenantId, (tx) =>
    recordAuditEvent(tx, {
      tenantId: caller.tenantId,
      actor: { userId: caller.userId, role: caller.role },
      device: { deviceId: caller.deviceId, workstation: null },
      patientId: facts.patientId ?? null,
      action: recorded.action,
      outcome: call.ok ? (facts.outcome ?? 'success') : recorded.outcome,
      ...(call.ok ? { entity: facts.entity, recordId: facts.recordId, recordRev: facts.recordRev } : {}),
      detail,
    }),
  );
}

function recordedAs(call: FinishedCall): { action: AuditAction; outcome: AuditOutcome } | null {
  const procedure = procedureAuditOf(call.path);
  if (call.ok) return procedure?.onSuccess === 'record' ? { action: procedure.action, outcome: 'success' } : null;
  if (procedure?.onFailure) return { action: procedure.onFailure, outcome: 'failure' };
  if (call.errorCode && REFUSALS.includes(call.errorCode)) return { action: 'access-denied', outcome: 'denied' };
  return procedure ? { action: procedure.action, outcome: 'failure' } : null;
}
