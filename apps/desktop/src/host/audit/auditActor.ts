import { actorRoles, type ActorRole } from '@eonpro/core';

/** Who an audit event is about: the signed-in user and the role they act in; nulls when no one is known. */
export interface AuditActor {
  userId: string | null;
  role: ActorRole | null;
}

export const unknownActor: AuditActor = Object.freeze({ userId: null, role: null });

/** The audit view of a person acting here; a role the chain does not know is recorded as none. */
export function auditActorOf(person: { userId?: string; id?: string; role?: string | null } | null): AuditActor {
  if (!person) return unknownActor;
  const role = (actorRoles as readonly string[]).includes(person.role ?? '') ? (person.role as ActorRole) : null;
  return { userId: person.userId ?? person.id ?? null, role };
}
