import { AppError } from '@eonpro/core';
import type { Database, Queryable } from '../db/database.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { tenantName } from '../tenancy/tenants.ts';
import { issueAccessToken } from './accessToken.ts';
import { registerWorkstation, requireApprovedWorkstation } from './devices.ts';
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password.ts';
import { consumeRefreshToken, issueRefreshToken, revokeRefreshToken, sessionEnded, tenantOfRefreshToken } from './refreshTokens.ts';
import type { Role } from './roles.ts';
import { accountLocked, clearFailedSignIns, recordFailedSignIn } from './signInLockout.ts';
import type { SigningKeys } from './signingKeys.ts';
import { findLogin, findUser, type UserRow } from './users.ts';

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** ISO 8601; the client refreshes before this. */
  accessTokenExpiresAt: string;
  user: { id: string; name: string; email: string; role: Role; tenantId: string; tenantName: string };
}

interface SessionDeps {
  db: Database;
  keys: SigningKeys;
  /** The wall clock for lockouts; tests pass their own. */
  now?: () => Date;
}

/** One message for an unknown email and a wrong password alike, so neither reveals which accounts exist. */
const WRONG_CREDENTIALS = 'The email or password is not correct.';

export async function signIn(
  deps: SessionDeps,
  input: { email: string; password: string; deviceId: string; deviceName: string },
): Promise<Session> {
  const login = await findLogin(deps.db, input.email);
  const clinicName = login ? await tenantName(deps.db, login.tenantId) : null;
  if (!login || clinicName === null) {
    await verifyPassword(input.password, await decoyPasswordHash());
    throw new AppError('UNAUTHORIZED', WRONG_CREDENTIALS);
  }
  const now = deps.now?.() ?? new Date();
  // The password is checked outside any transaction: argon2id takes a while and must not hold the database.
  const user = await withTenant(deps.db, login.tenantId, (tx) => findUser(tx, login.userId));
  // Locked means refused, right password or not; attempts while locked neither count nor extend the lock.
  if (user?.active && user.locked_until && user.locked_until > now) throw accountLocked(user.locked_until);
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? (await decoyPasswordHash()));
  if (!user || !user.active) throw new AppError('UNAUTHORIZED', WRONG_CREDENTIALS);
  if (!passwordOk) {
    const failure = { tenantId: login.tenantId, id: user.id, role: user.role, deviceId: input.deviceId };
    const lockedUntil = await withTenant(deps.db, login.tenantId, (tx) => recordFailedSignIn(tx, failure, now));
    throw lockedUntil ? accountLocked(lockedUntil) : new AppError('UNAUTHORIZED', WRONG_CREDENTIALS);
  }
  // A hash from before argon2id (or with weaker parameters) is replaced now that the password is known.
  const upgradedHash = needsRehash(user.password_hash) ? await hashPassword(input.password) : null;
  return withTenant(deps.db, login.tenantId, async (tx) => {
    await clearFailedSignIns(tx, user.id);
    if (upgradedHash) await tx.query('update users set password_hash = $2 where id = $1', [user.id, upgradedHash]);
    await registerWorkstation(tx, login.tenantId, { id: input.deviceId, name: input.deviceName, userId: user.id });
    return openSession(deps, tx, { tenantId: login.tenantId, tenantName: clinicName }, user, input.deviceId);
  });
}

/** Trades a refresh token for a new access token and a new refresh token; the old one stops working. */
export async function refreshSession(deps: SessionDeps, refreshToken: string): Promise<Session> {
  const tenantId = tenantOfRefreshToken(refreshToken);
  const clinicName = tenantId ? await tenantName(deps.db, tenantId) : null;
  if (!tenantId || clinicName === null) throw sessionEnded();
  const session = await withTenant(deps.db, tenantId, async (tx) => {
    const owner = await consumeRefreshToken(tx, refreshToken);
    if (!owner) return null;
    const user = await findUser(tx, owner.userId);
    if (!user?.active) return null;
    await requireApprovedWorkstation(tx, owner.deviceId);
    return openSession(deps, tx, { tenantId, tenantName: clinicName }, user, owner.deviceId);
  });
  if (!session) throw sessionEnded();
  return session;
}

export async function signOut(deps: SessionDeps, refreshToken: string): Promise<void> {
  const tenantId = tenantOfRefreshToken(refreshToken);
  if (!tenantId) return;
  await withTenant(deps.db, tenantId, (tx) => revokeRefreshToken(tx, refreshToken));
}

async function openSession(
  deps: SessionDeps,
  tx: Queryable,
  tenant: { tenantId: string; tenantName: string },
  user: UserRow,
  deviceId: string,
): Promise<Session> {
  const { tenantId } = tenant;
  const access = await issueAccessToken(deps.keys, { userId: user.id, tenantId, role: user.role, deviceId });
  return {
    accessToken: access.token,
    refreshToken: await issueRefreshToken(tx, tenantId, { userId: user.id, deviceId }),
    accessTokenExpiresAt: access.expiresAt.toISOString(),
    user: { id: user.id, name: user.name, email: user.email, role: user.role, tenantId, tenantName: tenant.tenantName },
  };
}
