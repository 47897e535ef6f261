import type { Queryable } from '../db/database.ts';
import type { Role } from '../auth/roles.ts';

/** A member of staff as the administration screen lists them; never a password hash or lockout state. */
export interface StaffAccount {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: string;
}

interface StaffRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  created_at: Date;
}

const COLUMNS = 'id, name, email, role, active, created_at';

function toStaffAccount(row: StaffRow): StaffAccount {
  return { id: row.id, name: row.name, email: row.email, role: row.role, active: row.active, createdAt: row.created_at.toISOString() };
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
