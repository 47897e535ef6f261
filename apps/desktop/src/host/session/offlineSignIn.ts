import { AppError } from '@eonpro/core';
import { appendAuditEvent } from '../audit/appendAuditEvent.ts';
import { auditActorOf } from '../audit/auditActor.ts';
import { readLocalUser, readOfflineCredentialByEmail, readSyncState } from '../db/readers.ts';
import { markOfflineCredentialDisabled } from '../db/writers.ts';
import type { LocalStore } from '../local/localStore.ts';
import type { HostLogger } from '../logger.ts';
import { checkLocalPassword } from './localPasswordCheck.ts';
import { normalisedEmail } from './normalisedEmail.ts';
import type { SignedInUser } from './signedInUser.ts';

export const NEVER_SIGNED_IN_HERE =
  'The sync server cannot be reached, and this account has not signed in online on this workstation before. Offline sign-in is only possible for people who have; sign in when the server is back.';

/**
 * Sign-in while the server cannot be reached, for someone who signed in online on this workstation before: the
 * password is checked against their local verifier (password only — a second step needs the server). Recorded in
 * the audit chain as a sign-in with `mode: offline`; wrong passwords count toward the local lock-out.
 */
export async function signInOffline(store: LocalStore, email: string, password: string, now: Date): Promise<SignedInUser> {
  const credential = readOfflineCredentialByEmail(store.db, normalisedEmail(email));
  const person = credential ? readLocalUser(store.db, credential.userId) : null;
  const tenantId = readSyncState(store.db)?.tenantId ?? null;
  if (!credential || !person || person.tenantId !== tenantId) throw new AppError('OFFLINE', NEVER_SIGNED_IN_HERE);
  await checkLocalPassword(store, credential, password, now);
  const user: SignedInUser = {
    id: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    tenantId: person.tenantId,
    tenantName: person.tenantName,
  };
  appendAuditEvent(store, auditActorOf(user), { action: 'sign-in', detail: { mode: 'offline' } });
  return user;
}

/**
 * The server answered that this account is no longer active: its offline sign-in is refused from now on (until an
 * online sign-in succeeds again, after the clinic re-enables it). Recorded as a sign-out when a session ends with it.
 */
export function markAccountDisabled(store: LocalStore, email: string, logger: HostLogger, endedSession?: SignedInUser): void {
  const credential = readOfflineCredentialByEmail(store.db, normalisedEmail(email));
  store.transaction(() => {
    if (credential) markOfflineCredentialDisabled(store.db, credential.userId, new Date().toISOString());
    if (endedSession && readSyncState(store.db)?.tenantId) {
      appendAuditEvent(store, auditActorOf(endedSession), { action: 'sign-out', detail: { reason: 'account-disabled' } });
    }
  });
  logger.info({ userId: credential?.userId ?? null }, 'account disabled by the clinic: offline sign-in refused here');
}
