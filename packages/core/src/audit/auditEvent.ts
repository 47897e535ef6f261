import { z } from 'zod';
import { hlcSchema, uuidSchema } from '../schemas/primitives.ts';
import { actorRoles } from './actorRoles.ts';
import { auditActions, auditOutcomes, recordChangeActions, type AuditAction } from './auditActions.ts';
import { auditDetailSchema } from './auditDetail.ts';

const workstationSchema = z.string().trim().min(1, 'Required').max(100, 'At most 100 characters');
const instantSchema = z.iso.datetime({ message: 'Must be a UTC timestamp like 2024-05-17T12:30:45.123Z' });

/**
 * One audited event with the ASTM E2147 fields: who (actor), what (action, entity, record), which patient,
 * when, from which device, and the outcome. Holds ids and codes only, never a name, a date of birth or free text.
 */
const auditEventFields = z.strictObject({
  id: uuidSchema,
  tenantId: uuidSchema,
  /** When it happened, by the clock of the device it happened on; kept as is when recorded offline. */
  occurredAt: instantSchema,
  /** When the tenant chain took it in: the server's clock. A device chain leaves it out (see deviceChain.ts). */
  recordedAt: instantSchema,
  actor: z.strictObject({
    /** Null when no user is known: a failed sign-in with an unknown account, a server job. */
    userId: uuidSchema.nullable(),
    role: z.enum(actorRoles, { message: 'Must be front_desk, nurse, prescriber, admin or auditor' }).nullable(),
  }),
  device: z.strictObject({
    /** Null for the server itself (its console, its jobs). */
    deviceId: uuidSchema.nullable(),
    workstation: workstationSchema,
  }),
  patientId: uuidSchema.nullable(),
  action: z.enum(auditActions, { message: 'Must be a known audit action' }),
  outcome: z.enum(auditOutcomes, { message: 'Must be success, failure or denied' }),
  entity: z.string().regex(/^[a-z][A-Za-z]{0,39}$/, 'Must be an entity name like patient or allergy').nullable(),
  recordId: uuidSchema.nullable(),
  recordRev: hlcSchema.nullable(),
  detail: auditDetailSchema,
});

type EventFields = Pick<z.output<typeof auditEventFields>, 'action' | 'outcome' | 'entity' | 'recordId' | 'recordRev'>;

function requireChangedRecord(event: EventFields, context: z.RefinementCtx): void {
  if (event.outcome !== 'success' || !(recordChangeActions as readonly AuditAction[]).includes(event.action)) return;
  for (const field of ['entity', 'recordId', 'recordRev'] as const) {
    if (event[field] === null) {
      context.addIssue({ code: 'custom', path: [field], message: `Required when a ${event.action} succeeds` });
    }
  }
}

export const auditEventSchema = auditEventFields.superRefine(requireChangedRecord);
export type AuditEvent = z.output<typeof auditEventSchema>;

/** An event as a device records it in its own chain, before the server takes it in and stamps `recordedAt`. */
export const deviceAuditEventSchema = auditEventFields
  .omit({ recordedAt: true })
  .extend({ device: z.strictObject({ deviceId: uuidSchema, workstation: workstationSchema }) })
  .superRefine(requireChangedRecord);
export type DeviceAuditEvent = z.output<typeof deviceAuditEventSchema>;
