import type { Mutation } from '@eonpro/core';
import type { AccessClaims } from '../auth/accessToken.ts';
import type { Role } from '../auth/roles.ts';
import { findUser } from '../auth/users.ts';
import type { Queryable } from '../db/database.ts';
import { reject, type Rejection } from './change.ts';

/** Who made a pushed change: the user the workstation names for it, or (older clients) the one pushing it. */
export interface MutationAuthor {
  userId: string;
  /** Their role now (a role change since the change was made is not known here). */
  role: Role;
  /** False when the clinic has disabled them since: the change is still applied, and its audit entry says so. */
  active: boolean;
}

/**
 * The author of a mutation, who must be a user of the caller's clinic. A workstation pushes everything in its outbox
 * with whoever is signed in now, so the author may differ from the caller, and may have been disabled after making
 * the change offline: such a change is accepted (it was made while they were allowed to, and losing it silently would
 * be worse) and flagged in the audit trail. In tenant scope, so a user of another clinic reads as unknown.
 */
export async function mutationAuthor(tx: Queryable, caller: AccessClaims, mutation: Mutation): Promise<MutationAuthor | Rejection> {
  if (mutation.userId === undefined || mutation.userId === caller.userId) return { userId: caller.userId, role: caller.role, active: true };
  const user = await findUser(tx, mutation.userId);
  if (!user) return reject('FORBIDDEN', 'The person who made this change is not a user of this clinic; it was not applied.', 'userId');
  return { userId: user.id, role: user.role, active: user.active };
}

/** Only a clinic administrator restricts a patient or lifts it; a new patient may say `restricted: false`. */
export function restrictionRefusal(author: MutationAuthor, mutation: Mutation): Rejection | null {
  if (mutation.entity !== 'patient' || !Object.hasOwn(mutation.fields, 'restricted') || author.role === 'admin') return null;
  if (mutation.op === 'create' && mutation.fields.restricted === false) return null;
  return reject('FORBIDDEN', 'Only a clinic administrator can restrict a patient or lift a restriction.', 'fields.restricted');
}
