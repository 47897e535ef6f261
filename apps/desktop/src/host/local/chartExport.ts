import { chartToFhirBundle, type FhirBundle } from '@eonpro/core';
import { chartSummary } from './chartSummary.ts';
import type { LocalStore } from './localStore.ts';

/** A chart as a FHIR R4 file to download: named by the patient's id, never by their name. */
export interface FhirExport {
  fileName: string;
  bundle: FhirBundle;
}

/** The patient and their current entries as a FHIR Bundle. Audited as `export` before it leaves the host. */
export function fhirExport(store: LocalStore, patientId: string): FhirExport {
  const chart = chartSummary(store, patientId);
  return { fileName: `patient-${patientId}.json`, bundle: chartToFhirBundle(chart, new Date().toISOString()) };
}
