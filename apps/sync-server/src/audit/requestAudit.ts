import type { AuditDetail, AuditOutcome } from '@eonpro/core';
import type { Role } from '../auth/roles.ts';

/** Who made a request, as far as the server knows it. */
export interface AuditedCaller {
  tenantId: string;
  userId: string | null;
  role: Role | null;
  deviceId: string | null;
}

/** What a procedure tells the audit middleware about its call: the patient it concerned, counts, a query's shape. */
export interface CallFacts {
  patientId?: string | null;
  /** For a call that changed one record: which, and the revision it wrote. */
  entity?: string;
  recordId?: string;
  recordRev?: string;
  outcome?: AuditOutcome;
  detail?: AuditDetail;
}

/**
 * One per request (in the tRPC context): the auth middlewares say who is calling, the procedure adds facts, and
 * the audit middleware records the call from both once it has finished.
 */
export class RequestAudit {
  caller: AuditedCaller | null = null;
  facts: CallFacts = {};

  identify(caller: AuditedCaller): void {
    this.caller = caller;
  }

  note(facts: CallFacts): void {
    this.facts = { ...this.facts, ...facts, detail: { ...this.facts.detail, ...facts.detail } };
  }
}
