/** The roles a user can hold (DESIGN.md §5); an audit event records the one the actor acted in. */
export const actorRoles = ['front_desk', 'nurse', 'prescriber', 'admin', 'auditor'] as const;
export type ActorRole = (typeof actorRoles)[number];
