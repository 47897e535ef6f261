import { isUuid, type AuditAction, type AuditDetail } from '@eonpro/core';
import type { AuditFacts } from './appendAuditEvent.ts';
import { searchShape } from './searchShape.ts';

/**
 * Which audit action each host procedure records: the one place that maps calls to actions. Changes are recorded by
 * their writers, in the transaction that stores them (see changeAuditFacts); everything else is recorded around the
 * call by the host's tRPC middleware. Every refusal for want of sign-in or role is recorded as `access-denied`.
 */
export interface ProcedureAudit {
  /**
   * A successful call: the facts to record, or 'recorded-by-writer' (the writer appended its entries in its own
   * transaction), or 'not-audited' (the call touches no patient data and changes nothing).
   */
  success: ((call: SucceededCall) => AuditFacts) | 'recorded-by-writer' | 'not-audited';
  /** The action a failed call records (null: none, as when the workstation is still locked). */
  failure: AuditAction | null;
  /** The patient a call concerns, read from its (unchecked) input. */
  patientId?: (input: Record<string, unknown>) => unknown;
}

export interface SucceededCall {
  input: Record<string, unknown>;
  output: unknown;
}

const view = (patientIdOf: (input: Record<string, unknown>) => unknown): ProcedureAudit => ({
  success: ({ input }) => ({ action: 'view', patientId: uuidOrNull(patientIdOf(input)) }),
  failure: 'view',
  patientId: patientIdOf,
});

const writer = (failure: AuditAction, patientId?: ProcedureAudit['patientId']): ProcedureAudit => ({
  success: 'recorded-by-writer',
  failure,
  ...(patientId ? { patientId } : {}),
});

const notAudited: ProcedureAudit = { success: 'not-audited', failure: null };

export const auditedProcedures: Record<string, ProcedureAudit> = {
  'session.status': notAudited,
  // A failed unlock leaves the database closed: there is nowhere to record it (the host log keeps it).
  'session.unlockWorkstation': { success: () => ({ action: 'workstation-unlock' }), failure: null },
  'session.setupClinic': writer('sign-in-failed'),
  'session.signIn': writer('sign-in-failed'),
  // A passed second step writes the sign-in entry with the session; the code and the secret are never recorded.
  'session.completeMfa': writer('sign-in-failed'),
  'session.beginMfaEnrolment': { success: 'not-audited', failure: 'sign-in-failed' },
  'session.confirmMfaEnrolment': writer('sign-in-failed'),
  'session.signOut': { success: () => ({ action: 'sign-out' }), failure: 'sign-out' },
  // Activity reports only keep the idle lock away; locking and unlocking record session-lock / session-unlock.
  'session.activity': notAudited,
  'session.lock': { success: 'recorded-by-writer', failure: null },
  // A wrong password at the lock screen is recorded like a failed sign-in.
  'session.unlock': writer('sign-in-failed'),
  'policy.get': notAudited,
  'policy.update': {
    success: ({ input }) => ({ action: 'policy-change', detail: { idleLockMinutes: typeof input.idleLockMinutes === 'number' ? input.idleLockMinutes : null } }),
    failure: 'policy-change',
  },
  'patients.breakGlass': writer('break-glass', (input) => input.patientId),
  // Reading break-glass reasons (Administration): the server records its own audit-read too.
  'auditReview.breakGlass': {
    success: ({ output }) => ({ action: 'audit-read', detail: { kind: 'break-glass', rows: (output as { reviews: unknown[] }).reviews.length } }),
    failure: 'audit-read',
  },

  'patients.search': {
    success: ({ input, output }) => ({ action: 'search', detail: { ...searchShape(input.query), results: resultCount(output) } }),
    failure: 'search',
  },
  'patients.possibleDuplicates': {
    success: ({ output }) => ({ action: 'search', detail: { kind: 'duplicates', results: resultCount(output) } }),
    failure: 'search',
  },
  'patients.get': view((input) => input.id),
  // "Show" on a masked SSN or licence: a view of that one identifier.
  'patients.revealIdentifier': {
    success: ({ input }) => ({ action: 'view', patientId: uuidOrNull(input.patientId), detail: { revealed: input.identifier === 'ssn' ? 'ssn' : 'driversLicense' } }),
    failure: 'view',
    patientId: (input) => input.patientId,
  },
  'chart.summary': view((input) => input.patientId),
  // Recorded before the chart leaves the host: the app prints, or offers the file, only once this succeeded.
  'chart.print': {
    success: ({ input }) => ({ action: 'print', patientId: uuidOrNull(input.patientId), detail: { format: 'chart-summary' } }),
    failure: 'print',
    patientId: (input) => input.patientId,
  },
  'chart.exportFhir': {
    success: ({ input, output }) => ({
      action: 'export',
      patientId: uuidOrNull(input.patientId),
      detail: { format: 'fhir-r4', resources: bundleSize(output) },
    }),
    failure: 'export',
    patientId: (input) => input.patientId,
  },
  'patients.register': writer('create'),
  'patients.update': writer('update', (input) => input.id),
  'allergies.record': writer('create', (input) => input.patientId),
  'allergies.amend': writer('create'),
  'conditions.record': writer('create', (input) => input.patientId),
  'conditions.amend': writer('create'),
  'imports.bundle': writer('import'),

  // The sync engine records each push and pull with their counts.
  'sync.status': notAudited,
  'sync.now': notAudited,
  'sync.dismissRejected': writer('update'),

  // This workstation's own standing: asked before anyone is signed in, or after its data was erased.
  'workstations.checkApproval': notAudited,
  'workstations.leaveWaiting': notAudited,
  'workstations.setUpAgain': notAudited,
  // Workstation administration: the server records each approval and revocation in the transaction that makes it.
  'workstations.list': notAudited,
  'workstations.approve': { success: 'not-audited', failure: 'device-approve' },
  'workstations.revoke': { success: 'not-audited', failure: 'device-revoke' },
  // User administration: the server records each change (with the old and new role or state) as it makes it.
  'adminUsers.list': notAudited,
  'adminUsers.create': { success: 'not-audited', failure: 'user-create' },
  'adminUsers.setRole': { success: 'not-audited', failure: 'role-change' },
  'adminUsers.setActive': { success: 'not-audited', failure: 'user-status-change' },
  // The server records the reset in the clinic's trail, in the transaction that makes it.
  'adminUsers.resetMfa': { success: 'not-audited', failure: 'mfa-reset' },
};

/** What a local change records: its action, the record and revision it wrote, and the patient it belongs to. */
export function changeAuditFacts(change: {
  entity: string;
  recordId: string;
  op: 'create' | 'update';
  rev: string;
  fields: Record<string, unknown>;
  patientId: string | null;
}): AuditFacts {
  const detail: AuditDetail = { fieldCount: Object.keys(change.fields).length };
  if (typeof change.fields.amendsId === 'string') detail.amends = change.fields.amendsId;
  return {
    action: change.op,
    patientId: change.patientId,
    entity: change.entity,
    recordId: change.recordId,
    recordRev: change.rev,
    detail,
  };
}

export function uuidOrNull(value: unknown): string | null {
  return typeof value === 'string' && isUuid(value) ? value : null;
}

function bundleSize(output: unknown): number {
  const entries = (output as { bundle?: { entry?: unknown } } | null)?.bundle?.entry;
  return Array.isArray(entries) ? entries.length : 0;
}

function resultCount(output: unknown): number {
  if (Array.isArray(output)) return output.length;
  const results = (output as { results?: unknown } | null)?.results;
  return Array.isArray(results) ? results.length : 0;
}
