import { AppError, parseOrThrow, reasonDigest, uuidSchema } from '@eonpro/core';
import { z } from 'zod';
import { appendAuditEvent } from '../audit/appendAuditEvent.ts';
import type { AuditActor } from '../audit/auditActor.ts';
import { sha256Hex } from '../audit/sha256Hex.ts';
import { readPatientRestricted } from '../db/readers.ts';
import { insertBreakGlassReason } from '../db/writers.ts';
import type { LocalStore } from '../local/localStore.ts';

export const breakGlassCategories = ['emergency-care', 'continuity-of-care', 'patient-request', 'clinical-review', 'other'] as const;
export type BreakGlassCategory = (typeof breakGlassCategories)[number];
export const MIN_BREAK_GLASS_REASON = 10;

export const breakGlassSchema = z.object({
  patientId: uuidSchema,
  category: z.enum(breakGlassCategories, { error: 'Choose why you need access' }),
  reason: z
    .string()
    .trim()
    .min(MIN_BREAK_GLASS_REASON, `At least ${MIN_BREAK_GLASS_REASON} characters: say why you need this record`)
    .max(500, 'At most 500 characters'),
});

/** The issue path a refusal carries, so the app can ask for a reason instead of showing a dead end. */
export const BREAK_GLASS_PATH = 'breakGlass';

/**
 * Break-glass access to restricted patients: who may open which restricted patient's data in this session, granted
 * by giving a reason. Held in memory: every new session (sign-in, another user) asks again.
 */
export class BreakGlassGrants {
  private readonly granted = new Set<string>();

  has(userId: string, patientId: string): boolean {
    return this.granted.has(`${userId}:${patientId}`);
  }

  add(userId: string, patientId: string): void {
    this.granted.add(`${userId}:${patientId}`);
  }

  clear(): void {
    this.granted.clear();
  }
}

/** Refuses any access to a restricted patient's data without a break-glass grant for this user in this session. */
export function requirePatientAccess(store: LocalStore, grants: BreakGlassGrants, userId: string, patientId: string): void {
  if (readPatientRestricted(store.db, patientId) !== true || grants.has(userId, patientId)) return;
  throw new AppError('FORBIDDEN', "This patient's record is restricted. Give a reason to open it (break-glass); the access is recorded.", [
    { path: BREAK_GLASS_PATH, message: 'A reason is needed to open this restricted record' },
  ]);
}

/**
 * Grants the user access to a restricted patient for the rest of the session. The audit entry (`break-glass`) records
 * the patient, the category, the reason's length and its SHA-256 (`reasonDigest`); the reason's text, which may name
 * anyone, stays in this workstation's encrypted store under the entry's id (an audit detail holds no free text) and
 * travels to the server with the entry at the next sync (pushAuditEntries), where the digest proves it unchanged.
 */
export function grantBreakGlass(store: LocalStore, grants: BreakGlassGrants, actor: AuditActor & { userId: string }, input: unknown): { granted: true } {
  const { patientId, category, reason } = parseOrThrow(breakGlassSchema, input, 'The break-glass reason');
  const restricted = readPatientRestricted(store.db, patientId);
  if (restricted === null) throw new AppError('NOT_FOUND', 'This patient is not on this workstation.', [{ path: 'patientId', message: 'Not found' }]);
  if (!restricted) throw new AppError('VALIDATION', 'This record is not restricted: open it as usual.', [{ path: 'patientId', message: 'Not restricted' }]);
  store.transaction(() => {
    const entry = appendAuditEvent(store, actor, { action: 'break-glass', patientId, detail: { category, reasonLength: reason.length, reasonDigest: reasonDigest(reason, sha256Hex) } });
    insertBreakGlassReason(store.db, { auditEventId: entry.event.id, userId: actor.userId, patientId, category, reason, grantedAt: entry.event.occurredAt });
  });
  grants.add(actor.userId, patientId);
  return { granted: true };
}
