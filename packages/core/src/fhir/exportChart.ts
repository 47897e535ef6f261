import type { FhirObject } from './fhirJson.ts';
import {
  allergyResource,
  conditionResource,
  medicationStatementResource,
  patientResource,
  type ExportedAllergy,
  type ExportedCondition,
  type ExportedMedication,
  type ExportedPatient,
} from './exportResources.ts';

/** One patient's chart as the workstation holds it: the patient and their current entries, each with its id. */
export interface ChartForExport {
  patient: ExportedPatient;
  allergies: readonly ExportedAllergy[];
  conditions: readonly ExportedCondition[];
  medications: readonly ExportedMedication[];
}

export interface FhirBundle extends FhirObject {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirObject }[];
}

/**
 * A chart → a FHIR R4 collection Bundle: the Patient, then its AllergyIntolerance, Condition and MedicationStatement
 * resources, each under its own id (fullUrl `urn:uuid:<id>`). mapFhirBundle reads it back to the same fields, with
 * each record's id as its sourceId. `exportedAt` (an ISO instant) is the Bundle's timestamp.
 */
export function chartToFhirBundle(chart: ChartForExport, exportedAt: string): FhirBundle {
  const patientId = chart.patient.id;
  const resources = [
    patientResource(chart.patient),
    ...chart.allergies.map((allergy) => allergyResource(allergy, patientId)),
    ...chart.conditions.map((condition) => conditionResource(condition, patientId)),
    ...chart.medications.map((medication) => medicationStatementResource(medication, patientId)),
  ];
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: exportedAt,
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${String(resource.id)}`, resource })),
  };
}
