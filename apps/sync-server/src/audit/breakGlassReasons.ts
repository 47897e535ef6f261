import { AppError, isReasonDigest, reasonDigest, uuidSchema, type DeviceChainEntry } from '@eonpro/core';
import { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { TenantSealer } from '../keys/tenantSealer.ts';
import { sha256Hex } from './chainHash.ts';

/** What a break-glass reason is sealed for: a value sealed for anything else never opens as one. */
export const BREAK_GLASS_REASON_PURPOSE = 'audit.breakGlassReason';

/** A break-glass reason as a workstation sends it with its audit entries (`reasonText` is redacted from every log). */
export const breakGlassReasonUploadSchema = z.object({
  auditEventId: uuidSchema,
  reasonText: z.string().min(10, 'At least 10 characters').max(500, 'At most 500 characters'),
});
export type BreakGlassReasonUpload = z.output<typeof breakGlassReasonUploadSchema>;

/** The digest a break-glass entry's detail carries, or null for an entry without one (from before digests). */
export function chainedReasonDigest(detail: Readonly<Record<string, unknown>> | undefined): string | null {
  const digest = detail?.reasonDigest;
  return typeof digest === 'string' && isReasonDigest(digest) ? digest : null;
}

/**
 * Checks, before anything is stored, that each reason belongs to a break-glass entry of the same batch and matches
 * the digest that entry carries, and that every such entry came with its reason: a reason is never taken in
 * unproven, nor an entry without the reason it vouches for.
 */
export function checkBreakGlassReasons(entries: readonly DeviceChainEntry[], reasons: readonly BreakGlassReasonUpload[]): void {
  const digests = new Map<string, string>();
  for (const { event } of entries) {
    const digest = event.action === 'break-glass' ? chainedReasonDigest(event.detail) : null;
    if (digest) digests.set(event.id, digest);
  }
  const given = new Set<string>();
  reasons.forEach((reason, index) => {
    const digest = digests.get(reason.auditEventId);
    if (!digest) throw reasonRefused(index, 'Names no break-glass entry of this batch that carries a reason digest');
    if (given.has(reason.auditEventId)) throw reasonRefused(index, 'Sent twice for the same entry');
    if (reasonDigest(reason.reasonText, sha256Hex) !== digest) throw reasonRefused(index, "Does not match the digest its audit entry carries");
    given.add(reason.auditEventId);
  });
  const missing = entries.findIndex(({ event }) => digests.has(event.id) && !given.has(event.id));
  if (missing >= 0) {
    throw new AppError('VALIDATION', 'A break-glass entry came without its reason; nothing was taken in.', [
      { path: `entries[${missing}]`, message: 'Its reason is missing from breakGlassReasons' },
    ]);
  }
}

function reasonRefused(index: number, message: string): AppError {
  return new AppError('VALIDATION', 'A break-glass reason does not belong with these audit entries; nothing was taken in.', [
    { path: `breakGlassReasons[${index}]`, message },
  ]);
}

/**
 * Stores the reasons (checked by checkBreakGlassReasons) sealed under the tenant's data key, keyed by their entry in
 * the tenant chain, which intake has just stored. A reason already held (a resent batch) is left as it is.
 */
export async function storeBreakGlassReasons(
  tx: Queryable,
  sealer: TenantSealer,
  sender: { tenantId: string; deviceId: string },
  entries: readonly DeviceChainEntry[],
  reasons: readonly BreakGlassReasonUpload[],
): Promise<void> {
  if (reasons.length === 0) return;
  const eventIds = reasons.map((reason) => reason.auditEventId);
  const deviceSeqs = eventIds.map((id) => entries.find((entry) => entry.event.id === id)!.deviceSeq);
  const rows = await tx.query<{ seq: number; event_id: string; held: boolean }>(
    `select l.seq, l.event_id, r.audit_seq is not null as held
       from audit_log l left join break_glass_reasons r on r.tenant_id = l.tenant_id and r.audit_seq = l.seq
      where l.tenant_id = app_current_tenant() and l.device_id = $1 and l.device_seq = any($2::bigint[])`,
    [sender.deviceId, deviceSeqs],
  );
  const stored = new Map(rows.map((row) => [row.event_id, row]));
  for (const reason of reasons) {
    const row = stored.get(reason.auditEventId);
    if (!row) throw new AppError('INTERNAL', 'A break-glass entry was not found in the audit trail after it was taken in.');
    if (row.held) continue;
    const sealed = await sealer.seal(tx, sender.tenantId, reason.reasonText, BREAK_GLASS_REASON_PURPOSE);
    await tx.query('insert into break_glass_reasons (tenant_id, audit_seq, audit_event_id, reason_sealed) values ($1, $2, $3, $4)', [
      sender.tenantId,
      row.seq,
      reason.auditEventId,
      sealed,
    ]);
  }
}
