import type { AuditAction, AuditDetail, AuditOutcome } from '@eonpro/core';
import type { Role } from '../auth/roles.ts';

/** One event the server records in a tenant's chain; ids and codes only, never names or free text. */
export interface ServerAuditInput {
  tenantId: string;
  /** userId null when no user is known (a failed sign-in with an unknown account, a server job). */
  actor: { userId: string | null; role: Role | null };
  /** deviceId null for the server itself; workstation null is recorded as SERVER_WORKSTATION. */
  device: { deviceId: string | null; workstation: string | null };
  patientId: string | null;
  action: AuditAction;
  outcome: AuditOutcome;
  entity?: string | null;
  recordId?: string | null;
  recordRev?: string | null;
  detail?: AuditDetail;
  /** Defaults to now. */
  occurredAt?: string;
}

/** The workstation name an event carries when it happened on the server itself or the device named none. */
export const SERVER_WORKSTATION = 'sync-server';
