import type { AuditAction, AuditDetail } from '@eonpro/core';
import type { AccessClaims } from '../auth/accessToken.ts';
import type { ServerAuditInput } from '../audit/serverAuditInput.ts';

/** An administrator's change to a user account, as its audit entry: the account is the record, ids and codes only. */
export function userAuditInput(admin: AccessClaims, action: AuditAction, userId: string, detail: AuditDetail): ServerAuditInput {
  return {
    tenantId: admin.tenantId,
    actor: { userId: admin.userId, role: admin.role },
    device: { deviceId: admin.deviceId, workstation: null },
    patientId: null,
    action,
    outcome: 'success',
    entity: 'user',
    recordId: userId,
    detail,
  };
}
