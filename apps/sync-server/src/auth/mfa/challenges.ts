import { createHash, randomBytes } from 'node:crypto';
import { AppError, isUuid, uuidv7 } from '@eonpro/core';
import type { Queryable } from '../../db/database.ts';

export const CHALLENGE_TTL_MS = 5 * 60_000;

export type ChallengePurpose = 'verify' | 'enrol';

export interface Challenge {
  id: string;
  userId: string;
  deviceId: string;
  deviceName: string;
}

/**
 * The step between a right password and a session. The token is `<tenant id>.<32 random bytes, base64url>` like a
 * refresh token: the tenant id finds the tenant before anything can be read; only a SHA-256 of it is stored, it
 * names one user on one workstation, lasts 5 minutes and is used once. In tenant scope.
 */
export async function issueChallenge(
  tx: Queryable,
  tenantId: string,
  owner: { userId: string; deviceId: string; deviceName: string; purpose: ChallengePurpose },
  now: Date,
): Promise<{ challengeToken: string; expiresAt: string }> {
  const token = `${tenantId}.${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  await tx.query(
    `insert into mfa_challenges (tenant_id, id, user_id, device_id, device_name, purpose, token_hash, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [tenantId, uuidv7(), owner.userId, owner.deviceId, owner.deviceName, owner.purpose, hashChallengeToken(token), expiresAt],
  );
  return { challengeToken: token, expiresAt: expiresAt.toISOString() };
}

export function tenantOfChallengeToken(token: string): string | null {
  const [tenantId, secret, ...rest] = token.split('.');
  return tenantId && secret && rest.length === 0 && isUuid(tenantId) ? tenantId : null;
}

/** The live challenge for this token and purpose, locked for this transaction; else UNAUTHORIZED. In tenant scope. */
export async function openChallenge(tx: Queryable, token: string, purpose: ChallengePurpose, now: Date): Promise<Challenge> {
  const [row] = await tx.query<{ id: string; user_id: string; device_id: string; device_name: string; purpose: string; expires_at: Date; used_at: Date | null }>(
    'select id, user_id, device_id, device_name, purpose, expires_at, used_at from mfa_challenges where token_hash = $1 for update',
    [hashChallengeToken(token)],
  );
  if (!row || row.purpose !== purpose || row.used_at || row.expires_at.getTime() <= now.getTime()) throw challengeEnded();
  return { id: row.id, userId: row.user_id, deviceId: row.device_id, deviceName: row.device_name };
}

export async function useChallenge(tx: Queryable, challengeId: string): Promise<void> {
  await tx.query('update mfa_challenges set used_at = now() where id = $1', [challengeId]);
}

export function challengeEnded(): AppError {
  return new AppError('UNAUTHORIZED', 'This sign-in step has expired or was already used. Sign in again with your password.');
}

function hashChallengeToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
