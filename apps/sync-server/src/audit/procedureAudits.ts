import type { AuditAction } from '@eonpro/core';

/**
 * How each procedure's calls are audited. `action`: what a call is recorded as; a refused call (FORBIDDEN,
 * UNAUTHORIZED) is recorded as access-denied, any other failure as the action with outcome failure.
 * `onSuccess: 'skip'` when a successful call leaves its own record (the entries a device pushes are themselves
 * audit entries). `null`: touches no patient data, so only a refusal is recorded. procedureAudits.test.ts checks
 * that every procedure of the router is listed here.
 */
export interface ProcedureAudit {
  action: AuditAction;
  onSuccess: 'record' | 'skip';
  /** Recorded instead when the call fails for any reason (a failed sign-in). */
  onFailure?: AuditAction;
}

const record = (action: AuditAction): ProcedureAudit => ({ action, onSuccess: 'record' });

export const procedureAudits: Record<string, ProcedureAudit | null> = {
  health: null,
  'setup.status': null,
  'setup.createClinic': record('create'),
  'auth.signIn': { action: 'sign-in', onSuccess: 'record', onFailure: 'sign-in-failed' },
  // A refresh continues a session; reuse of an old refresh token is recorded by the auth code as token-reuse.
  'auth.refresh': null,
  'auth.signOut': record('sign-out'),
  // A sign-in that needs a second step is recorded when that step passes (sign-in) or fails (sign-in-failed); the
  // code itself is recorded in its own transaction as mfa-verify, mfa-recovery-code or mfa-enrol.
  'auth.completeMfa': { action: 'sign-in', onSuccess: 'record', onFailure: 'sign-in-failed' },
  'auth.beginMfaEnrolment': null,
  'auth.confirmMfaEnrolment': { action: 'sign-in', onSuccess: 'record', onFailure: 'sign-in-failed' },
  'sync.push': record('sync-push'),
  'sync.pull': record('sync-pull'),
  'import.bundle': record('import'),
  'audit.pushDeviceEntries': { action: 'sync-push', onSuccess: 'skip' },
  'audit.deviceHead': null,
  'audit.verify': record('audit-verify'),
  'audit.checkpoint': { action: 'audit-checkpoint', onSuccess: 'skip' },
  'audit.search': record('audit-read'),
  'audit.exportCsv': record('audit-export'),
  // Opens break-glass reasons (free text): a read of the audit trail like a search.
  'audit.breakGlassReviews': record('audit-read'),
  // Workstations: approve and revoke record their own entry with the change; a waiting workstation's question is not audited.
  'devices.list': null,
  'devices.approve': { action: 'device-approve', onSuccess: 'skip' },
  'devices.revoke': { action: 'device-revoke', onSuccess: 'skip' },
  'devices.registrationStatus': null,
  // Reading the policy touches no patient data; a change records its own entry with the old and new values.
  'policy.get': null,
  'policy.update': { action: 'policy-change', onSuccess: 'skip' },
  'mfa.status': null,
  'mfa.beginEnrolment': null,
  'mfa.confirmEnrolment': { action: 'mfa-enrol', onSuccess: 'skip' },
  'mfa.reset': { action: 'mfa-reset', onSuccess: 'skip' },
  'users.me': record('user-read'),
  'users.list': record('user-read'),
  // Each change records its own entry in the transaction that makes it (with the old and new role or state).
  'users.create': { action: 'user-create', onSuccess: 'skip' },
  'users.setRole': { action: 'role-change', onSuccess: 'skip' },
  'users.setActive': { action: 'user-status-change', onSuccess: 'skip' },
};

/** A procedure missing from the table is treated as `null`: its refusals are still recorded. */
export function procedureAuditOf(path: string): ProcedureAudit | null | undefined {
  return Object.hasOwn(procedureAudits, path) ? procedureAudits[path] : undefined;
}
