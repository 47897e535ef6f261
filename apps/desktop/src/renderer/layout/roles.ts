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
