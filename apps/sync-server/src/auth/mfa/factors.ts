import type { Queryable } from '../../db/database.ts';

/** A user's authenticator as stored. Active once a first code verified (activated_at set). */
export interface FactorRow {
  secret_sealed: string;
  activated_at: Date | null;
  last_used_step: number | null;
}

/** The user's factor, locked for this transaction so two uses of one code cannot both pass. In tenant scope. */
export async function lockFactor(tx: Queryable, userId: string): Promise<FactorRow | null> {
  const [row] = await tx.query<FactorRow>('select secret_sealed, activated_at, last_used_step from mfa_factors where user_id = $1 for update', [userId]);
  return row ?? null;
}

export async function hasActiveFactor(tx: Queryable, userId: string): Promise<boolean> {
  const rows = await tx.query('select 1 from mfa_factors where user_id = $1 and activated_at is not null', [userId]);
  return rows.length > 0;
}

/** Starts (or restarts) an enrolment: a new secret, not active yet. Never replaces an active factor. In tenant scope. */
export async function savePendingFactor(tx: Queryable, tenantId: string, userId: string, secretSealed: string): Promise<void> {
  await tx.query(
    `insert into mfa_factors (tenant_id, user_id, secret_sealed) values ($1, $2, $3)
     on conflict (tenant_id, user_id) do update set secret_sealed = excluded.secret_sealed, last_used_step = null, created_at = now()
     where mfa_factors.activated_at is null`,
    [tenantId, userId, secretSealed],
  );
}

/** A code was accepted for this time step: it, and every older one, is refused from now on. */
export async function markStepUsed(tx: Queryable, userId: string, step: number, activate: boolean): Promise<void> {
  await tx.query(
    `update mfa_factors set last_used_step = $2${activate ? ', activated_at = now()' : ''} where user_id = $1`,
    [userId, step],
  );
}

/** Removes the factor, the recovery codes and any open sign-in step; returns whether there was a factor. */
export async function removeFactor(tx: Queryable, userId: string): Promise<boolean> {
  const removed = await tx.query('delete from mfa_factors where user_id = $1 returning user_id', [userId]);
  await tx.query('delete from mfa_recovery_codes where user_id = $1', [userId]);
  await tx.query('update mfa_challenges set used_at = now() where user_id = $1 and used_at is null', [userId]);
  return removed.length > 0;
}
