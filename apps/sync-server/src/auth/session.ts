import { AppError, type DeviceProof } from '@eonpro/core';
import type { Database, Queryable, Transaction } from '../db/database.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { tenantName } from '../tenancy/tenants.ts';
import { issueAccessToken } from './accessToken.ts';
import { admitToSession, admitWorkstation, type WorkstationClaim } from './devices.ts';
import { proveDevice } from './deviceRefresh.ts';
import { issueChallenge } from './mfa/challenges.ts';
import { hasActiveFactor } from './mfa/factors.ts';
import { mfaRequiredFor, secondStepNowRequired } from './mfa/mfaPolicy.ts';
import { secondStepFor } from './mfa/secondStep.ts';
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password.ts';
import { accountDisabled } from './accountDisabled.ts';
import { consumeRefreshToken, issueRefreshToken, refreshTokenHolder, revokeRefreshToken, sessionEnded, tenantOfRefreshToken } from './refreshTokens.ts';
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

export interface SessionDeps {
  db: Database;
  keys: SigningKeys;
  /** The wall clock for lockouts; tests pass their own. */
  now?: () => Date;
  /** The server's public URL, when configured: device proofs made for another server are refused. */
  publicUrl?: string | null;
}

/** One message for an unknown email and a wrong password alike, so neither reveals which accounts exist. */
const WRONG_CREDENTIALS = 'The email or password is not correct.';

/**
 * What a sign-in with the right password answers: a session, or the second step it still needs (a code from the
 * authenticator, or enrolling one first for roles that must have it) with a one-use challenge token for it.
 */
export type SignInAnswer =
  | ({ status: 'signed-in' } & Session)
  | { status: 'mfa-required' | 'mfa-enrolment-required'; challengeToken: string; challengeExpiresAt: string };

export async function signIn(
  deps: SessionDeps,
  input: { email: string; password: string; deviceId: string; deviceName: string; devicePublicKey?: string; deviceProof?: DeviceProof },
): Promise<SignInAnswer> {
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
  if (!user) throw new AppError('UNAUTHORIZED', WRONG_CREDENTIALS);
  // Only someone who knows the password learns that the account was disabled (a workstation then refuses it offline).
  if (!user.active) throw passwordOk ? accountDisabled() : new AppError('UNAUTHORIZED', WRONG_CREDENTIALS);
  if (!passwordOk) {
    const failure = { tenantId: login.tenantId, id: user.id, role: user.role, deviceId: input.deviceId };
    const lockedUntil = await withTenant(deps.db, login.tenantId, (tx) => recordFailedSignIn(tx, failure, now));
    throw lockedUntil ? accountLocked(lockedUntil) : new AppError('UNAUTHORIZED', WRONG_CREDENTIALS);
  }
  // The workstation proves it holds its device key; a new one registers and waits for approval (DEVICE_PENDING).
  const device: WorkstationClaim = workstationClaim(input);
  await admitWorkstation(deps.db, { tenantId: login.tenantId, user, email: input.email, device, audience: deps.publicUrl ?? null, nowMs: Date.now() });
  // A hash from before argon2id (or with weaker parameters) is replaced now that the password is known.
  const upgradedHash = needsRehash(user.password_hash) ? await hashPassword(input.password) : null;
  return withTenant(deps.db, login.tenantId, async (tx): Promise<SignInAnswer> => {
    if (upgradedHash) await tx.query('update users set password_hash = $2 where id = $1', [user.id, upgradedHash]);
    const secondStep = await secondStepFor(tx, user);
    if (secondStep) {
      // The failure count stays until the second step passes too: wrong codes count toward the same lockout.
      const device = { deviceId: input.deviceId, deviceName: input.deviceName };
      const challenge = await issueChallenge(tx, login.tenantId, { userId: user.id, ...device, purpose: secondStep }, now);
      const status = secondStep === 'verify' ? 'mfa-required' : 'mfa-enrolment-required';
      return { status, challengeToken: challenge.challengeToken, challengeExpiresAt: challenge.expiresAt };
    }
    const session = await startSession(deps, tx, { tenantId: login.tenantId, tenantName: clinicName }, user, { id: input.deviceId, name: input.deviceName });
    return { status: 'signed-in', ...session };
  });
}

/**
 * Every check passed (password, and the second step where there is one): the failure count starts again, the
 * workstation is registered or seen again, and the session opens. In tenant scope.
 */
export async function startSession(
  deps: SessionDeps,
  tx: Transaction,
  tenant: { tenantId: string; tenantName: string },
  user: UserRow,
  device: { id: string; name: string },
): Promise<Session> {
  await clearFailedSignIns(tx, user.id);
  await admitToSession(tx, tenant.tenantId, user, device.id);
  return openSession(deps, tx, tenant, user, device.id);
}

/** Trades a refresh token for a new access token and a new refresh token; the old one stops working. */
export async function refreshSession(deps: SessionDeps, refreshToken: string, deviceProof?: DeviceProof): Promise<Session> {
  const tenantId = tenantOfRefreshToken(refreshToken);
  const clinicName = tenantId ? await tenantName(deps.db, tenantId) : null;
  if (!tenantId || clinicName === null) throw sessionEnded();
  const session = await withTenant(deps.db, tenantId, async (tx) => {
    // Without the device key a copied refresh token is worth nothing: the proof is checked before the token is used.
    const device = await proveDevice(tx, deviceProof, { refreshToken, audience: deps.publicUrl ?? null, nowMs: Date.now() });
    const owner = await consumeRefreshToken(tx, refreshToken);
    // A disabled account's tokens are revoked with it: its holder is still told why, so the workstation can act on it.
    const holderId = owner?.userId ?? (await refreshTokenHolder(tx, refreshToken));
    const user = holderId ? await findUser(tx, holderId) : null;
    if (user && !user.active) return 'account-disabled' as const;
    if (!owner || !user || owner.deviceId !== device.id) return null;
    // A session from the password alone does not outlive a promotion to a role that requires the second step, nor a reset.
    if (mfaRequiredFor(user.role) && !(await hasActiveFactor(tx, user.id))) return 'second-step-required' as const;
    return openSession(deps, tx, { tenantId, tenantName: clinicName }, user, owner.deviceId);
  });
  if (session === 'account-disabled') throw accountDisabled();
  if (session === 'second-step-required') throw secondStepNowRequired();
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

/** The device fields of a sign-in; a workstation that sends no key or proof cannot sign in. */
function workstationClaim(input: { deviceId: string; deviceName: string; devicePublicKey?: string; deviceProof?: DeviceProof }): WorkstationClaim {
  if (!input.devicePublicKey || !input.deviceProof) {
    throw new AppError('UNAUTHORIZED', 'This workstation sent no device credential. Update the EONPro Clinic app on it, then sign in again.');
  }
  return { id: input.deviceId, name: input.deviceName, publicKey: input.devicePublicKey, proof: input.deviceProof };
}
