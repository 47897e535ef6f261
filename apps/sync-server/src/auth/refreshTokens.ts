import { createHash, randomBytes } from 'node:crypto';
import { AppError, isUuid, uuidv7 } from '@eonpro/core';
import type { Queryable } from '../db/database.ts';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60_000;

/**
 * A refresh token is `<tenant id>.<32 random bytes, base64url>`. The tenant id lets the server find the
 * tenant before it can read anything (all token rows sit behind row-level security); only a SHA-256 of the
 * whole token is stored. Each use rotates it: the old one stops working and a new one is issued.
 */
export function tenantOfRefreshToken(token: string): string | null {
  const [tenantId, secret, ...rest] = token.split('.');
  return tenantId && secret && rest.length === 0 && isUuid(tenantId) ? tenantId : null;
}

export async function issueRefreshToken(tx: Queryable, tenantId: string, owner: { userId: string; deviceId: string }, nowMs = Date.now()): Promise<string> {
  const token = `${tenantId}.${randomBytes(32).toString('base64url')}`;
  await tx.query(
    `insert into refresh_tokens (tenant_id, id, user_id, device_id, token_hash, expires_at) values ($1, $2, $3, $4, $5, $6)`,
    [tenantId, uuidv7(), owner.userId, owner.deviceId, hashToken(token), new Date(nowMs + REFRESH_TOKEN_TTL_MS)],
  );
  return token;
}

/**
 * Marks the token used and returns whose it was, or null when it is unknown, expired or revoked. A token
 * presented a second time means it was copied: every token of that user on that device is revoked, so
 * whoever holds a copy is signed out too. Returns null rather than throwing so that revocation commits.
 * In tenant scope.
 */
export async function consumeRefreshToken(tx: Queryable, token: string, nowMs = Date.now()): Promise<{ userId: string; deviceId: string } | null> {
  const [row] = await tx.query<{ id: string; user_id: string; device_id: string; expires_at: Date; used_at: Date | null; revoked_at: Date | null }>(
    'select id, user_id, device_id, expires_at, used_at, revoked_at from refresh_tokens where token_hash = $1 for update',
    [hashToken(token)],
  );
  if (!row || row.revoked_at || row.expires_at.getTime() <= nowMs) return null;
  if (row.used_at) {
    await tx.query('update refresh_tokens set revoked_at = now() where user_id = $1 and device_id = $2 and revoked_at is null', [row.user_id, row.device_id]);
    return null;
  }
  await tx.query('update refresh_tokens set used_at = now() where id = $1', [row.id]);
  return { userId: row.user_id, deviceId: row.device_id };
}

/** The user a refresh token was issued to, whatever its state (used, revoked, expired); null when unknown. In tenant scope. */
export async function refreshTokenHolder(tx: Queryable, token: string): Promise<string | null> {
  const [row] = await tx.query<{ user_id: string }>('select user_id from refresh_tokens where token_hash = $1', [hashToken(token)]);
  return row?.user_id ?? null;
}

export async function revokeRefreshToken(tx: Queryable, token: string): Promise<void> {
  await tx.query('update refresh_tokens set revoked_at = now() where token_hash = $1 and revoked_at is null', [hashToken(token)]);
}

export function sessionEnded(): AppError {
  return new AppError('UNAUTHORIZED', 'Your session has ended. Sign in again.');
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
