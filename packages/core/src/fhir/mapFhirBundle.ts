import type { Issue } from '../errors/appError.ts';
import type { PatientFields } from '../schemas/patient.ts';
import { mapAllergy, type MappedAllergy } from './allergy.ts';
import { mapCondition, type MappedCondition } from './condition.ts';
import { fhirArray, fhirString, isFhirObject, type FhirObject, type FhirPath } from './fhirJson.ts';
import { IssueList } from './issueList.ts';
import { mapMedication, type MappedMedication } from './medication.ts';
import { MedicationReferences } from './medicationReferences.ts';
import { mapPatient } from './patient.ts';
import { PatientReferences } from './patientReferences.ts';
import { SkippedResourceCounter, type SkippedResources } from './skippedResources.ts';

interface PatientEntries {
  allergies: MappedAllergy[];
  conditions: MappedCondition[];
  /** From MedicationRequest and MedicationStatement. */
  medications: MappedMedication[];
}

export interface MappedPatient extends PatientEntries {
  /** Patient.id (a Synthea UUID): recognises a re-import of the same person. */
  sourceId: string;
  patient: PatientFields;
}

export type FhirBundleMapping =
  | { ok: true; patients: MappedPatient[]; skipped: SkippedResources[] }
  | { ok: false; issues: Issue[] };

export const acceptedBundleTypes = ['transaction', 'batch', 'collection', 'searchset', 'document'] as const;

const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;
const URN_UUID = /^urn:uuid:(.+)$/;

/** The clinical resources EONPro Clinic charts: the element naming their patient, and the list they join. */
const clinicalResources: Record<string, { patientElement: string; list: keyof PatientEntries }> = {
  AllergyIntolerance: { patientElement: 'patient', list: 'allergies' },
  Condition: { patientElement: 'subject', list: 'conditions' },
  MedicationRequest: { patientElement: 'subject', list: 'medications' },
  MedicationStatement: { patientElement: 'subject', list: 'medications' },
};

interface BundleResource {
  resource: FhirObject;
  resourceType: string;
  fullUrl: string | undefined;
  at: FhirPath;
}

/**
 * FHIR R4 Bundle → the patients it holds with their allergies, conditions and medications. All or nothing:
 * when any supported resource is invalid the result lists every problem with its path and maps nothing, so an
 * import never stops half-way. Resources EONPro Clinic does not chart are counted by type in `skipped`.
 */
export function mapFhirBundle(bundle: unknown): FhirBundleMapping {
  const issues = new IssueList();
  const resources = readBundle(bundle, issues);
  if (resources === null) return { ok: false, issues: issues.inEntryOrder() };

  const references = new PatientReferences();
  const medications = new MedicationReferences();
  const demographics: { sourceId: string; patient: PatientFields }[] = [];
  const skipped = new SkippedResourceCounter();
  for (const entry of resources) {
    if (entry.resourceType === 'Patient') {
      const patient = readPatient(entry, references, issues, skipped);
      if (patient) demographics.push(patient);
    } else if (entry.resourceType === 'Medication') {
      medications.register(entry.resource, entry.fullUrl);
    }
  }
  if (resources.length > 0 && !resources.some((entry) => entry.resourceType === 'Patient')) {
    issues.add(['entry'], 'Contains no Patient');
  }

  const entriesByPatient = new Map<string, PatientEntries>();
  for (const entry of resources) {
    if (entry.resourceType === 'Patient') continue;
    const clinical = clinicalResources[entry.resourceType];
    if (!clinical) {
      skipped.add(entry.resourceType);
      continue;
    }
    const sourceId = resolvePatient(entry, clinical.patientElement, references, issues);
    let entries: PatientEntries | undefined;
    if (sourceId !== undefined) {
      entries = entriesByPatient.get(sourceId) ?? noEntries();
      entriesByPatient.set(sourceId, entries);
    }
    chartEntry(entry, clinical.list, entries, medications, issues);
  }

  if (issues.count > 0) return { ok: false, issues: issues.inEntryOrder() };
  const patients = demographics.map(({ sourceId, patient }) => ({
    sourceId,
    patient,
    ...(entriesByPatient.get(sourceId) ?? noEntries()),
  }));
  return { ok: true, patients, skipped: skipped.list() };
}

function noEntries(): PatientEntries {
  return { allergies: [], conditions: [], medications: [] };
}

/**
 * The bundle's well-formed resources with their paths, reporting a bundle that is not one and entries without a
 * resource; null when the input is not even an object.
 */
function readBundle(bundle: unknown, issues: IssueList): BundleResource[] | null {
  if (!isFhirObject(bundle)) {
    issues.add([], 'Must be a JSON object holding a FHIR Bundle');
    return null;
  }
  if (bundle.resourceType !== 'Bundle') issues.add(['resourceType'], 'Must be a FHIR Bundle');
  if (!(acceptedBundleTypes as readonly unknown[]).includes(bundle.type)) {
    issues.add(['type'], 'Must be a transaction, batch, collection, searchset or document bundle');
  }
  const entries = fhirArray(bundle.entry);
  if (entries.length === 0) issues.add(['entry'], 'Contains no entries');

  const resources: BundleResource[] = [];
  for (const [index, entry] of entries.entries()) {
    if (!isFhirObject(entry)) {
      issues.add(['entry', index], 'Must be an object');
      continue;
    }
    const at = ['entry', index, 'resource'];
    const resource = entry.resource;
    if (!isFhirObject(resource)) {
      issues.add(at, 'Missing resource');
      continue;
    }
    const resourceType = fhirString(resource.resourceType);
    if (resourceType === undefined || !RESOURCE_TYPE.test(resourceType)) {
      issues.add([...at, 'resourceType'], 'Must be a FHIR resource type');
      continue;
    }
    resources.push({ resource, resourceType, fullUrl: fhirString(entry.fullUrl), at });
  }
  return resources;
}

function readPatient(
  entry: BundleResource,
  references: PatientReferences,
  issues: IssueList,
  skipped: SkippedResourceCounter,
): { sourceId: string; patient: PatientFields } | null {
  const sourceId = fhirString(entry.resource.id) ?? URN_UUID.exec(entry.fullUrl ?? '')?.[1];
  if (sourceId === undefined || sourceId.trim() === '') {
    issues.add([...entry.at, 'id'], 'Needs an id so a re-import can be recognised');
    return null;
  }
  if (!references.register(sourceId, entry.fullUrl)) {
    issues.add([...entry.at, 'id'], 'Another Patient in this bundle has the same id');
    return null;
  }
  const patient = mapPatient(entry.resource, sourceId, entry.at, issues, skipped);
  return patient ? { sourceId, patient } : null;
}

function resolvePatient(
  entry: BundleResource,
  patientElement: string,
  references: PatientReferences,
  issues: IssueList,
): string | undefined {
  const reference = entry.resource[patientElement];
  const sourceId = references.resolve(reference);
  if (sourceId !== undefined) return sourceId;
  if (reference === undefined) issues.add([...entry.at, patientElement], 'Needs a reference to the patient');
  else issues.add([...entry.at, patientElement, 'reference'], 'Refers to a patient who is not in this bundle');
  return undefined;
}

/** Maps a clinical resource and adds it to its patient's list (when the patient was found). */
function chartEntry(
  entry: BundleResource,
  list: keyof PatientEntries,
  target: PatientEntries | undefined,
  medications: MedicationReferences,
  issues: IssueList,
): void {
  const { resource, at } = entry;
  if (list === 'allergies') {
    const allergy = mapAllergy(resource, at, issues);
    if (allergy) target?.allergies.push(allergy);
  } else if (list === 'conditions') {
    const condition = mapCondition(resource, at, issues);
    if (condition) target?.conditions.push(condition);
  } else {
    const medication = mapMedication(resource, at, issues, medications);
    if (medication) target?.medications.push(medication);
  }
}
