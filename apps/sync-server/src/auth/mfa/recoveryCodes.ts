import { createHash, randomInt } from 'node:crypto';
import { uuidv7 } from '@eonpro/core';
import type { Queryable } from '../../db/database.ts';

export const RECOVERY_CODE_COUNT = 10;
/** Crockford-style Base32 without look-alikes (no I, L, O, U): 16 characters = 80 random bits. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 16;

/** `XXXX-XXXX-XXXX-XXXX`, for people to write down. */
function newRecoveryCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return chars.join('').match(/.{4}/g)!.join('-');
}

/** What was typed, without dashes, spaces or case; null when it cannot be a recovery code. */
export function normaliseRecoveryCode(typed: string): string | null {
  const compact = typed.replace(/[\s-]/g, '').toUpperCase();
  return compact.length === CODE_LENGTH && [...compact].every((char) => ALPHABET.includes(char)) ? compact : null;
}

/**
 * SHA-256 of the user id and the code. A slow hash (argon2) buys nothing here: 80 random bits cannot be guessed
 * from the hash, unlike a password chosen by a person, and trying codes online runs into the sign-in lockout.
 */
function hashRecoveryCode(userId: string, normalised: string): string {
  return createHash('sha256').update(`${userId}:${normalised}`).digest('hex');
}

/** Replaces the user's recovery codes with ten new ones; returns them, the only time they are seen. In tenant scope. */
export async function issueRecoveryCodes(tx: Queryable, tenantId: string, userId: string): Promise<string[]> {
  await tx.query('delete from mfa_recovery_codes where user_id = $1', [userId]);
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  for (const code of codes) {
    await tx.query('insert into mfa_recovery_codes (tenant_id, id, user_id, code_hash) values ($1, $2, $3, $4)', [
      tenantId,
      uuidv7(),
      userId,
      hashRecoveryCode(userId, normaliseRecoveryCode(code)!),
    ]);
  }
  return codes;
}

/** Marks the code used if it is one of the user's unused codes; returns how many are left, or null. In tenant scope. */
export async function useRecoveryCode(tx: Queryable, userId: string, typed: string): Promise<{ remaining: number } | null> {
  const normalised = normaliseRecoveryCode(typed);
  if (!normalised) return null;
  const used = await tx.query('update mfa_recovery_codes set used_at = now() where user_id = $1 and code_hash = $2 and used_at is null returning id', [
    userId,
    hashRecoveryCode(userId, normalised),
  ]);
  if (used.length === 0) return null;
  return { remaining: await unusedRecoveryCodes(tx, userId) };
}

export async function unusedRecoveryCodes(tx: Queryable, userId: string): Promise<number> {
  const [row] = await tx.query<{ count: number }>('select count(*)::int as count from mfa_recovery_codes where user_id = $1 and used_at is null', [userId]);
  return row?.count ?? 0;
}
