import { isReasonDigest } from '@eonpro/core';
import type { Queryable } from '../db/database.ts';
import type { TenantSealer } from '../keys/tenantSealer.ts';
import type { AuditBreak } from './auditVerification.ts';
import { checkedReason, type ReasonCheck } from './breakGlassReviews.ts';

const PAGE = 1000;

const problems: Record<Exclude<ReasonCheck, 'matches' | 'none'>, string> = {
  altered: 'its reason is not the text the workstation recorded (changed or moved since)',
  unreadable: 'its sealed reason does not open',
  missing: 'the reason it vouches for is not held',
};

/**
 * Checks every break-glass reason the tenant holds against the digest its chained entry carries (in the caller's
 * tenant snapshot, after the chain itself verified), and every entry with a digest for its reason. Returns the first
 * entry whose reason fails, or null.
 */
export async function verifyBreakGlassReasons(tx: Queryable, sealer: TenantSealer, tenantId: string): Promise<AuditBreak | null> {
  let after = 0;
  for (;;) {
    const rows = await tx.query<{ seq: number; event_id: string; digest: string | null; reason_sealed: string | null }>(
      `select l.seq, l.event_id, l.event -> 'detail' ->> 'reasonDigest' as digest, r.reason_sealed
         from audit_log l left join break_glass_reasons r on r.tenant_id = l.tenant_id and r.audit_seq = l.seq
        where l.tenant_id = app_current_tenant() and l.seq > $1 and (l.action = 'break-glass' or r.audit_seq is not null)
        order by l.seq limit ${PAGE}`,
      [after],
    );
    for (const row of rows) {
      const chained = row.digest !== null && isReasonDigest(row.digest) ? row.digest : null;
      const { reasonCheck } = await checkedReason({ tx, sealer, tenantId }, chained, row.reason_sealed ?? undefined);
      if (reasonCheck === 'matches' || reasonCheck === 'none') continue;
      const seq = Number(row.seq);
      return { ok: false, reason: 'break-glass-reason-mismatch', seq, entryId: row.event_id, message: `Break-glass entry ${seq}: ${problems[reasonCheck]}.` };
    }
    if (rows.length < PAGE) return null;
    after = Number(rows.at(-1)!.seq);
  }
}
