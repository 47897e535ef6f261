const roleLabels: Record<string, string> = {
  front_desk: 'Front desk',
  nurse: 'Nurse',
  prescriber: 'Prescriber',
  admin: 'Administrator',
  auditor: 'Auditor',
};

export function roleLabel(role: string): string {
  return roleLabels[role] ?? role;
}

/** The five roles, for choosing one (the server's list, in the order people think of them). */
export const roleOptions: readonly { value: string; label: string }[] = Object.entries(roleLabels).map(([value, label]) => ({ value, label }));

/** Mirrors the server: only an administrator manages users, workstations and the clinic's policy. */
export function canAdminister(role: string): boolean {
  return role === 'admin';
}
