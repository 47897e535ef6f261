import type { AdministrativeSex } from '@eonpro/core';

/** "Family, Given": how front desks file and call up records. */
export function patientName(patient: { givenName: string; familyName: string }): string {
  return `${patient.familyName}, ${patient.givenName}`;
}

const sexLabels: Record<AdministrativeSex, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' };

export function sexLabel(sex: string): string {
  return sexLabels[sex as AdministrativeSex] ?? sex;
}

/** A YYYY-MM-DD date written out unambiguously, e.g. "16 Apr 1990" (never 04/05 guesswork). */
export function dateText(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Today as YYYY-MM-DD in local time: the latest birth or onset date allowed. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
