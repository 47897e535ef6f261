export { acceptedBundleTypes, mapFhirBundle, type FhirBundleMapping, type MappedPatient } from './mapFhirBundle.ts';
export { buildImportSummary, importSummarySchema, type ImportSummary } from './importSummary.ts';
export { NOT_CHARTED_REASON, type SkippedResources } from './skippedResources.ts';
export type { MappedAllergy } from './allergy.ts';
export type { MappedCondition } from './condition.ts';
export { RXNORM_SYSTEM, type MappedMedication } from './medication.ts';
export { chartToFhirBundle, type ChartForExport, type FhirBundle } from './exportChart.ts';
