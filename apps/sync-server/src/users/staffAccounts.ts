import type { Queryable } from '../db/database.ts';
import type { Role } from '../auth/roles.ts';

/** A member of staff as the administration screen lists them; never a password hash or lockout state. */
export interface StaffAccount {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  /** Whether the user has a confirmed authenticator for two-step sign-in. */
  mfaEnabled: boolean;
  createdAt: string;
}

interface StaffRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  mfa_enabled: boolean;
  created_at: Date;
}

const COLUMNS = `id, name, email, role, active, created_at,
  exists (select 1 from mfa_factors f where f.user_id = users.id and f.activated_at is not null) as mfa_enabled`;

function toStaffAccount(row: StaffRow): StaffAccount {
  return { id: row.id, name: row.name, email: row.email, role: row.role, active: row.active, mfaEnabled: row.mfa_enabled, createdAt: row.created_at.toISOString() };
}

/** Every user of the tenant, by name. In tenant scope. */
export async function listStaffAccounts(tx: Queryable): Promise<StaffAccount[]> {
  const rows = await tx.query<StaffRow>(`select ${COLUMNS} from users order by lower(name), email`);
  return rows.map(toStaffAccount);
}

/** One user of the tenant, or null (another tenant's user reads as absent). In tenant scope. */
export async function findStaffAccount(tx: Queryable, userId: string): Promise<StaffAccount | null> {
  const [row] = await tx.query<StaffRow>(`select ${COLUMNS} from users where id = $1`, [userId]);
  return row ? toStaffAccount(row) : null;
}
