import { z } from 'zod';
import type { FhirBundleMapping } from './mapFhirBundle.ts';

/** What importing one file did; the desktop and the command-line importer both show it. */
export const importSummarySchema = z.object({
  fileName: z.string(),
  ok: z.boolean(),
  patientsImported: z.number().int().nonnegative(),
  patientsAlreadyPresent: z.number().int().nonnegative(),
  /** Entries added to the chart: those of the patients imported now, not of patients already present. */
  allergies: z.number().int().nonnegative(),
  conditions: z.number().int().nonnegative(),
  medications: z.number().int().nonnegative(),
  skipped: z.array(z.object({ resourceType: z.string(), count: z.number().int().nonnegative(), reason: z.string() })),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/**
 * The summary of importing a mapped bundle. Patients whose sourceId is in `alreadyPresent` were found from an
 * earlier import and are not imported again, so their entries are not counted. A failed mapping reports its issues.
 */
export function buildImportSummary(
  fileName: string,
  mapping: FhirBundleMapping,
  alreadyPresent: ReadonlySet<string> = new Set(),
): ImportSummary {
  const summary: ImportSummary = {
    fileName,
    ok: mapping.ok,
    patientsImported: 0,
    patientsAlreadyPresent: 0,
    allergies: 0,
    conditions: 0,
    medications: 0,
    skipped: [],
    issues: [],
  };
  if (!mapping.ok) return { ...summary, issues: mapping.issues };
  summary.skipped = mapping.skipped;
  for (const patient of mapping.patients) {
    if (alreadyPresent.has(patient.sourceId)) {
      summary.patientsAlreadyPresent++;
      continue;
    }
    summary.patientsImported++;
    summary.allergies += patient.allergies.length;
    summary.conditions += patient.conditions.length;
    summary.medications += patient.medications.length;
  }
  return summary;
}
