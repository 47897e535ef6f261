import { buildImportSummary, mapFhirBundle, uuidv7, type EntityName, type ImportSummary } from '@eonpro/core';
import { readPatientIdBySourceId } from '../db/readers.ts';
import type { Actor } from './actor.ts';
import type { LocalStore } from './localStore.ts';
import { writeLocalChange } from './writeLocalChange.ts';

/**
 * One FHIR bundle = one local transaction: every new patient with their allergies, conditions and medications
 * (each with its outbox mutation), or nothing at all. Patients already here (same sourceId) are left as they are.
 */
export function importBundle(store: LocalStore, actor: Actor, fileName: string, bundle: unknown): ImportSummary {
  const mapping = mapFhirBundle(bundle);
  if (!mapping.ok) return buildImportSummary(fileName, mapping);
  return store.transaction(() => {
    const alreadyPresent = new Set<string>();
    for (const mapped of mapping.patients) {
      if (alreadyPresent.has(mapped.sourceId) || readPatientIdBySourceId(store.db, mapped.sourceId) !== null) {
        alreadyPresent.add(mapped.sourceId);
        continue;
      }
      const patientId = uuidv7();
      create(store, actor, 'patient', patientId, { ...mapped.patient, sourceId: mapped.sourceId });
      for (const allergy of mapped.allergies) create(store, actor, 'allergy', uuidv7(), { ...allergy, patientId });
      for (const condition of mapped.conditions) create(store, actor, 'condition', uuidv7(), { ...condition, patientId });
      for (const medication of mapped.medications) create(store, actor, 'medication', uuidv7(), { ...medication, patientId });
    }
    return buildImportSummary(fileName, mapping, alreadyPresent);
  });
}

function create(store: LocalStore, actor: Actor, entity: EntityName, recordId: string, fields: object): void {
  writeLocalChange(store, actor, { entity, recordId, op: 'create', fields: { ...fields }, baseRev: null });
}
