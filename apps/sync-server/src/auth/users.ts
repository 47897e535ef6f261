import { AppError, uuidv7 } from '@eonpro/core';
import { z } from 'zod';
import type { Database, Queryable, Transaction } from '../db/database.ts';
import { enterTenant } from '../tenancy/tenantScope.ts';
import { hashPassword } from './password.ts';
import { assertPasswordAllowed, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwordPolicy.ts';
import type { Role } from './roles.ts';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(200, 'At most 200 characters')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Must be an email address');
/** The length rule at the door; createUser and createClinic also refuse common passwords (passwordPolicy.ts). */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters`);
export const personNameSchema = z.string().trim().min(1, 'Required').max(200, 'At most 200 characters');

export interface NewUser {
  name: string;
  /** Already normalised by emailSchema (trimmed, lower case). */
  email: string;
  role: Role;
  password: string;
}

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  password_hash: string;
  active: boolean;
  /** Set while the account refuses sign-in after too many failures (signInLockout.ts). */
  locked_until: Date | null;
}

/** Adds a user to a tenant in one transaction. */
export async function createUser(db: Database, tenantId: string, user: NewUser): Promise<string> {
  assertPasswordAllowed(user.password);
  // Hashed before the transaction opens: argon2id takes a while and must not hold the database.
  const passwordHash = await hashPassword(user.password);
  return db.transaction(async (tx) => {
    const userId = await registerLogin(tx, tenantId, user.email);
    await enterTenant(tx, tenantId);
    await insertUser(tx, tenantId, userId, user, passwordHash);
    return userId;
  });
}

/**
 * Claims the email in the sign-in directory and returns the new user's id. Runs outside tenant scope, so
 * before enterTenant; insertUser must follow in the same transaction.
 */
export async function registerLogin(tx: Transaction, tenantId: string, email: string): Promise<string> {
  const taken = await tx.query('select 1 from user_logins where email = $1', [email]);
  if (taken.length > 0) throw new AppError('CONFLICT', 'An account with this email already exists.', [{ path: 'email', message: 'Already in use' }]);
  const userId = uuidv7();
  await tx.query('insert into user_logins (email, tenant_id, user_id) values ($1, $2, $3)', [email, tenantId, userId]);
  return userId;
}

/** Inserts the user row, in tenant scope. */
export async function insertUser(tx: Transaction, tenantId: string, userId: string, user: Omit<NewUser, 'password'>, passwordHash: string): Promise<void> {
  await tx.query(
    'insert into users (tenant_id, id, name, email, role, password_hash) values ($1, $2, $3, $4, $5, $6)',
    [tenantId, userId, user.name, user.email, user.role, passwordHash],
  );
}

/** The tenant and user an email signs in as; outside tenant scope. */
export async function findLogin(db: Queryable, email: string): Promise<{ tenantId: string; userId: string } | null> {
  const [row] = await db.query<{ tenant_id: string; user_id: string }>('select tenant_id, user_id from user_logins where email = $1', [email]);
  return row ? { tenantId: row.tenant_id, userId: row.user_id } : null;
}

/** In tenant scope. */
export async function findUser(tx: Queryable, userId: string): Promise<UserRow | null> {
  const [row] = await tx.query<UserRow>('select id, name, email, role, password_hash, active, locked_until from users where id = $1', [userId]);
  return row ?? null;
}
