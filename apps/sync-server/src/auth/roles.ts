export const roles = ['front_desk', 'nurse', 'prescriber', 'admin', 'auditor'] as const;
export type Role = (typeof roles)[number];

/** Roles that may change clinical data; auditors only read. */
export const clinicalWriterRoles = ['front_desk', 'nurse', 'prescriber', 'admin'] as const satisfies readonly Role[];
