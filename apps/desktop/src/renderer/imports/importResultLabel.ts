import type { ImportSummary } from '@eonpro/core';

/** A file's result in words, as the terminal importer says it: a file whose patients were all here already imported nothing. */
export function importResultLabel(summary: ImportSummary): string {
  if (!summary.ok) return 'Rejected — nothing imported';
  const { patientsImported: imported, patientsAlreadyPresent: present } = summary;
  if (imported === 0 && present > 0) return 'Already present';
  if (imported > 0 && present > 0) return `Imported ${imported}, ${present} already present`;
  return 'Imported';
}
