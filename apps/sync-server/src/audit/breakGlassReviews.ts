import { reasonDigest } from '@eonpro/core';
import { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { TenantSealer } from '../keys/tenantSealer.ts';
import { auditFilterFields, readAuditReport, withFilterRules, type AuditReportRow } from './auditReport.ts';
import { BREAK_GLASS_REASON_PURPOSE, chainedReasonDigest } from './breakGlassReasons.ts';
import { sha256Hex } from './chainHash.ts';

export const breakGlassReviewFiltersSchema = withFilterRules(
  z.object({
    userId: auditFilterFields.userId,
    patientId: auditFilterFields.patientId,
    from: auditFilterFields.from,
    to: auditFilterFields.to,
    /** The seq of the last entry of the page before (from nextCursor). */
    cursor: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  }),
);
export type BreakGlassReviewFilters = z.output<typeof breakGlassReviewFiltersSchema>;

/**
 * How a stored reason stands against the digest its chained entry carries: `matches`; `altered` (it opens but is
 * not the text the workstation recorded: changed, or moved from another entry); `unreadable` (its sealed value does
 * not open); `missing` (the entry vouches for a reason the server does not hold); `none` (the entry vouches for no
 * reason, e.g. a refused attempt, and none is held).
 */
export type ReasonCheck = 'matches' | 'altered' | 'unreadable' | 'missing' | 'none';

/** A break-glass entry of the audit report with its opened reason (null when there is none to show). */
export interface BreakGlassReview extends AuditReportRow {
  category: string | null;
  reasonText: string | null;
  reasonCheck: ReasonCheck;
}

/** The tenant's break-glass entries matching the filters, newest first, each with its reason opened and checked. */
export async function readBreakGlassReviews(
  tx: Queryable,
  sealer: TenantSealer,
  tenantId: string,
  filters: Omit<BreakGlassReviewFilters, 'cursor' | 'limit'>,
  page: { cursor?: number; limit: number },
): Promise<BreakGlassReview[]> {
  const entries = await readAuditReport(tx, { ...filters, action: 'break-glass' }, { ...page, order: 'newest-first' });
  if (entries.length === 0) return [];
  const rows = await tx.query<{ audit_seq: number; reason_sealed: string }>(
    'select audit_seq, reason_sealed from break_glass_reasons where tenant_id = app_current_tenant() and audit_seq = any($1::bigint[])',
    [entries.map((entry) => entry.seq)],
  );
  const sealedBySeq = new Map(rows.map((row) => [Number(row.audit_seq), row.reason_sealed]));
  const reviews: BreakGlassReview[] = [];
  for (const entry of entries) {
    const category = typeof entry.detail.category === 'string' ? entry.detail.category : null;
    const chained = chainedReasonDigest(entry.detail);
    reviews.push({ ...entry, category, ...(await checkedReason({ tx, sealer, tenantId }, chained, sealedBySeq.get(entry.seq))) });
  }
  return reviews;
}

/**
 * Opens a stored reason and checks it against its entry's digest (`chained`, null when the entry carries none).
 * `sealed` is undefined when no reason is held for the entry.
 */
export async function checkedReason(
  scope: { tx: Queryable; sealer: TenantSealer; tenantId: string },
  chained: string | null,
  sealed: string | undefined,
): Promise<{ reasonText: string | null; reasonCheck: ReasonCheck }> {
  if (sealed === undefined) return { reasonText: null, reasonCheck: chained === null ? 'none' : 'missing' };
  let reasonText: string;
  try {
    reasonText = await scope.sealer.open(scope.tx, scope.tenantId, sealed, BREAK_GLASS_REASON_PURPOSE);
  } catch {
    return { reasonText: null, reasonCheck: 'unreadable' };
  }
  return { reasonText, reasonCheck: chained !== null && reasonDigest(reasonText, sha256Hex) === chained ? 'matches' : 'altered' };
}
