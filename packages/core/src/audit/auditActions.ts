/** What an audit event records (ASTM E2147 "type of action"), one name per kind of access or change. */
export const auditActions = [
  // Patient data
  'view',
  'search',
  'create',
  'update',
  'delete',
  'merge',
  'print',
  'export',
  'import',
  // Prescribing
  'sign',
  'transmit',
  'alert-override',
  'pdmp-query',
  'epcs-grant-request',
  'epcs-grant-approve',
  'epcs-revoke',
  // Sync
  'sync-push',
  'sync-pull',
  // Sessions and accounts
  'sign-in',
  'sign-out',
  'sign-in-failed',
  'account-locked',
  'token-reuse',
  'workstation-lock',
  'workstation-unlock',
  'session-lock',
  'session-unlock',
  'policy-change',
  'access-denied',
  'break-glass',
  'user-create',
  'user-read',
  'role-change',
  'user-status-change',
  'permission-change',
  'mfa-enrol',
  'mfa-verify',
  'mfa-recovery-code',
  'mfa-reset',
  // Devices
  'device-register',
  'device-approve',
  'device-revoke',
  'device-wipe',
  // Keys: the master key re-wrapping every data key, a clinic's new data key version, a new token signing key
  'master-key-rotate',
  'data-key-rotate',
  'signing-key-rotate',
  // The audit trail itself
  'audit-read',
  'audit-export',
  'audit-verify',
  'audit-checkpoint',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditOutcomes = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/** Actions that change a record: a successful one names the entity, the record and the revision it wrote. */
export const recordChangeActions = ['create', 'update', 'delete', 'merge', 'sign'] as const satisfies readonly AuditAction[];
