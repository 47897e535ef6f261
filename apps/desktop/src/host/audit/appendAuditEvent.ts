import {
  AppError,
  appendToDeviceChain,
  deviceAuditEventSchema,
  deviceHeadOf,
  uuidv7,
  type AuditAction,
  type AuditDetail,
  type AuditOutcome,
  type DeviceAuditEvent,
  type DeviceChainEntry,
  type Hlc,
} from '@eonpro/core';
import type { LocalStore } from '../local/localStore.ts';
import type { AuditActor } from './auditActor.ts';
import { insertAuditEntries, readBoundTenant, readRecordedHead } from './auditRows.ts';
import { sha256Hex } from './sha256Hex.ts';
import { workstationName } from './workstationName.ts';

/** What the caller knows about an event; the id, time, clinic and device are filled in here. */
export interface AuditFacts {
  action: AuditAction;
  outcome?: AuditOutcome;
  patientId?: string | null;
  entity?: string | null;
  recordId?: string | null;
  recordRev?: Hlc | null;
  detail?: AuditDetail;
}

const WORKSTATION = workstationName();

/**
 * Appends events, in order, to this workstation's audit chain. Inside the caller's transaction when there is one, so
 * a change and its entries are stored together or not at all. The time is this computer's clock, offline or not.
 * Throws when the workstation belongs to no clinic yet: there is no chain for the events to join.
 */
export function appendAuditEvents(store: LocalStore, actor: AuditActor, events: readonly AuditFacts[]): DeviceChainEntry[] {
  return store.transaction(() => {
    const tenantId = readBoundTenant(store.db);
    if (tenantId === null) throw new AppError('UNAUTHORIZED', 'This workstation does not belong to a clinic yet. Sign in first.');
    let head = readRecordedHead(store.db);
    const entries = events.map((facts) => {
      const entry = appendToDeviceChain(head, deviceEvent(store, tenantId, actor, facts), sha256Hex);
      head = deviceHeadOf(entry);
      return entry;
    });
    insertAuditEntries(store.db, entries);
    return entries;
  });
}

export function appendAuditEvent(store: LocalStore, actor: AuditActor, facts: AuditFacts): DeviceChainEntry {
  return appendAuditEvents(store, actor, [facts])[0]!;
}

function deviceEvent(store: LocalStore, tenantId: string, actor: AuditActor, facts: AuditFacts): DeviceAuditEvent {
  const parsed = deviceAuditEventSchema.safeParse({
    id: uuidv7(),
    tenantId,
    occurredAt: new Date().toISOString(),
    actor: { userId: actor.userId, role: actor.role },
    device: { deviceId: store.deviceId, workstation: WORKSTATION },
    patientId: facts.patientId ?? null,
    action: facts.action,
    outcome: facts.outcome ?? 'success',
    entity: facts.entity ?? null,
    recordId: facts.recordId ?? null,
    recordRev: facts.recordRev ?? null,
    detail: facts.detail ?? {},
  });
  // A malformed event is a bug here, never the person's input: it fails the whole action (paths only, no values).
  if (!parsed.success) throw new Error(`Audit event not valid at ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
  return parsed.data;
}
