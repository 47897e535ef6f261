import { AppError } from '@eonpro/core';
import { readOfflineCredential, type OfflineCredentialRow } from '../db/readers.ts';
import { clearOfflineFailures, saveOfflineFailure } from '../db/writers.ts';
import type { LocalStore } from '../local/localStore.ts';
import { checkOfflineVerifier } from './offlineVerifier.ts';

/** Wrong passwords allowed before the local lock-out starts; then 30 s, doubling with each further one, up to 15 min. */
export const FREE_LOCAL_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export const WRONG_PASSWORD = 'The email or password is not correct.';
/** Unlocking a locked session asks for the password only, so its refusal names no email. */
export const WRONG_UNLOCK_PASSWORD = 'That password is not correct.';
export const ACCOUNT_DISABLED_HERE = 'This account is no longer active: the clinic disabled it. Ask the clinic administrator.';

/** How long the account is locked on this workstation after this many consecutive wrong passwords (0: not locked). */
export function localLockMs(failedAttempts: number): number {
  if (failedAttempts < FREE_LOCAL_ATTEMPTS) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failedAttempts - FREE_LOCAL_ATTEMPTS), MAX_LOCK_MS);
}

/**
 * Checks a password against the user's local verifier (offline sign-in, unlocking after an idle lock). A disabled
 * account is refused whatever the password; while locked out, nothing is checked and nothing more is counted; a wrong
 * password counts toward the lock-out, persisted in the encrypted store so a restart does not reset it.
 */
export async function checkLocalPassword(store: LocalStore, credential: OfflineCredentialRow, password: string, now: Date): Promise<void> {
  if (credential.disabledAt) throw new AppError('ACCOUNT_DISABLED', ACCOUNT_DISABLED_HERE);
  if (credential.lockedUntil && new Date(credential.lockedUntil) > now) throw lockedOut(new Date(credential.lockedUntil), now);
  const ok = await checkOfflineVerifier(password, credential.verifier);
  // Re-read after the slow check: another attempt may have counted meanwhile.
  const current = readOfflineCredential(store.db, credential.userId);
  if (!current) throw new AppError('UNAUTHORIZED', WRONG_PASSWORD);
  if (ok) {
    if (current.failedAttempts > 0) clearOfflineFailures(store.db, current.userId);
    return;
  }
  const failedAttempts = current.failedAttempts + 1;
  const lockMs = localLockMs(failedAttempts);
  const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs) : null;
  saveOfflineFailure(store.db, current.userId, failedAttempts, lockedUntil?.toISOString() ?? null);
  throw lockedUntil ? lockedOut(lockedUntil, now) : new AppError('UNAUTHORIZED', WRONG_PASSWORD);
}

function lockedOut(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError('FORBIDDEN', `Too many wrong passwords on this workstation. Try again in ${wait}.`);
}
