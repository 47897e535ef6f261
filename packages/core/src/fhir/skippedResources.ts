export interface SkippedResources {
  resourceType: string;
  count: number;
  reason: string;
}

export const NOT_CHARTED_REASON = 'not charted by EONPro Clinic yet';

export const SKIPPED_SSN = 'Patient.identifier (SSN)';
export const SKIPPED_DRIVERS_LICENSE = "Patient.identifier (driver's licence)";

const reasons: Record<string, string> = {
  Medication: 'read through the MedicationRequest or MedicationStatement that refers to it',
  [SKIPPED_SSN]: 'not an SSN the SSA issues (area 000, 666 or 900–999, as in Synthea); the patient is imported without it',
  [SKIPPED_DRIVERS_LICENSE]: "not 1 to 20 letters and digits; the patient is imported without it",
};

/** Counts the resources an import leaves out, by type, each with the reason. */
export class SkippedResourceCounter {
  private readonly counts = new Map<string, number>();

  add(resourceType: string): void {
    this.counts.set(resourceType, (this.counts.get(resourceType) ?? 0) + 1);
  }

  /** By resource type, alphabetically. */
  list(): SkippedResources[] {
    return [...this.counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([resourceType, count]) => ({ resourceType, count, reason: reasons[resourceType] ?? NOT_CHARTED_REASON }));
  }
}
