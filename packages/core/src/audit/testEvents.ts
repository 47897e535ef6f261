import { uuidv7 } from '../ids/uuidv7.ts';
import type { AuditEvent, DeviceAuditEvent } from './auditEvent.ts';

/** Realistic audit events for the audit tests: ids and codes only, as real events hold. */
export interface EventContext {
  tenantId: string;
  userId: string;
  deviceId: string;
}

export function eventContext(): EventContext {
  return { tenantId: uuidv7(), userId: uuidv7(), deviceId: uuidv7() };
}

const instant = (ms: number) => new Date(ms).toISOString();
const BASE_MS = Date.UTC(2024, 4, 17, 12, 30, 0);

export function deviceEvent(context: EventContext, n: number): DeviceAuditEvent {
  const kinds = ['view', 'search', 'update'] as const;
  const action = kinds[n % kinds.length]!;
  const changes = action === 'update';
  return {
    id: uuidv7(BASE_MS + n),
    tenantId: context.tenantId,
    occurredAt: instant(BASE_MS + n * 1000),
    actor: { userId: context.userId, role: 'nurse' },
    device: { deviceId: context.deviceId, workstation: 'Front desk 1' },
    patientId: action === 'search' ? null : uuidv7(BASE_MS),
    action,
    outcome: 'success',
    entity: changes ? 'patient' : null,
    recordId: changes ? uuidv7(BASE_MS) : null,
    recordRev: changes ? `${String(BASE_MS + n).padStart(15, '0')}:000000:${context.deviceId}` : null,
    detail: action === 'search' ? { kind: 'name', tokens: 2 } : {},
  };
}

export function auditEvent(context: EventContext, n: number): AuditEvent {
  const event = deviceEvent(context, n);
  return { ...event, recordedAt: instant(Date.parse(event.occurredAt) + 250) };
}
