import type { MappedPatient } from '@eonpro/core';
import type { AccessClaims } from '../auth/accessToken.ts';
import type { ServerAuditInput } from './serverAuditInput.ts';

/** The audit entry for one patient a bundle import created: who imported it, from where, and how many entries came with it. */
export function importAuditInput(caller: AccessClaims, patientId: string, mapped: MappedPatient): ServerAuditInput {
  return {
    tenantId: caller.tenantId,
    actor: { userId: caller.userId, role: caller.role },
    device: { deviceId: caller.deviceId, workstation: null },
    patientId,
    action: 'import',
    outcome: 'success',
    entity: 'patient',
    recordId: patientId,
    detail: { allergies: mapped.allergies.length, conditions: mapped.conditions.length, medications: mapped.medications.length },
  };
}
