import { z } from 'zod';
import type { AccessClaims } from '../auth/accessToken.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withTenant } from '../tenancy/tenantScope.ts';

/** The clinic's security policy, as workstations apply it. */
export interface TenantPolicy {
  /** A signed-in session locks after this many minutes without activity. */
  idleLockMinutes: number;
}

export const DEFAULT_TENANT_POLICY: TenantPolicy = { idleLockMinutes: 10 };

export const tenantPolicyUpdateSchema = z.object({
  idleLockMinutes: z.number().int('Whole minutes').min(1, 'At least 1 minute').max(60, 'At most 60 minutes'),
});

/** In tenant scope. */
export async function readTenantPolicy(tx: Queryable): Promise<TenantPolicy> {
  const [row] = await tx.query<{ idle_lock_minutes: number }>('select idle_lock_minutes from tenant_policies');
  return row ? { idleLockMinutes: row.idle_lock_minutes } : { ...DEFAULT_TENANT_POLICY };
}

/** An administrator's change, recorded as `policy-change` with the old and new values in the same transaction. */
export function updateTenantPolicy(db: Database, admin: AccessClaims, policy: TenantPolicy): Promise<TenantPolicy> {
  return withTenant(db, admin.tenantId, async (tx) => {
    const before = await readTenantPolicy(tx);
    await tx.query(
      `insert into tenant_policies (tenant_id, idle_lock_minutes, updated_by, updated_at) values ($1, $2, $3, now())
       on conflict (tenant_id) do update set idle_lock_minutes = excluded.idle_lock_minutes, updated_by = excluded.updated_by, updated_at = now()`,
      [admin.tenantId, policy.idleLockMinutes, admin.userId],
    );
    await recordAuditEvent(tx, {
      tenantId: admin.tenantId,
      actor: { userId: admin.userId, role: admin.role },
      device: { deviceId: admin.deviceId, workstation: null },
      patientId: null,
      action: 'policy-change',
      outcome: 'success',
      entity: 'tenantPolicy',
      recordId: null,
      detail: { oldIdleLockMinutes: before.idleLockMinutes, newIdleLockMinutes: policy.idleLockMinutes },
    });
    return { ...policy };
  });
}
