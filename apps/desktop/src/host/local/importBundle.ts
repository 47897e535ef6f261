import { buildImportSummary, mapFhirBundle, uuidv7, type EntityName, type Hlc, type ImportSummary } from '@eonpro/core';
import { appendAuditEvent } from '../audit/appendAuditEvent.ts';
import { auditActorOf } from '../audit/auditActor.ts';
import { readPatientIdBySourceId } from '../db/readers.ts';
import type { Actor } from './actor.ts';
import type { LocalStore } from './localStore.ts';
import { writeLocalChange } from './writeLocalChange.ts';

/**
 * One FHIR bundle = one local transaction: every new patient with their allergies, conditions and medications
 * (each with its outbox mutation) and one `import` audit entry per patient, or nothing at all. Patients already here
 * (same sourceId) are left as they are. A bundle refused as invalid is recorded as a failed import.
 */
export function importBundle(store: LocalStore, actor: Actor, fileName: string, bundle: unknown): ImportSummary {
  const mapping = mapFhirBundle(bundle);
  if (!mapping.ok) {
    appendAuditEvent(store, auditActorOf(actor), { action: 'import', outcome: 'failure', detail: { issues: mapping.issues.length } });
    return buildImportSummary(fileName, mapping);
  }
  return store.transaction(() => {
    const alreadyPresent = new Set<string>();
    for (const mapped of mapping.patients) {
      if (alreadyPresent.has(mapped.sourceId) || readPatientIdBySourceId(store.db, mapped.sourceId) !== null) {
        alreadyPresent.add(mapped.sourceId);
        continue;
      }
      const patientId = uuidv7();
      const rev = create(store, actor, 'patient', patientId, { ...mapped.patient, sourceId: mapped.sourceId });
      for (const allergy of mapped.allergies) create(store, actor, 'allergy', uuidv7(), { ...allergy, patientId });
      for (const condition of mapped.conditions) create(store, actor, 'condition', uuidv7(), { ...condition, patientId });
      for (const medication of mapped.medications) create(store, actor, 'medication', uuidv7(), { ...medication, patientId });
      appendAuditEvent(store, auditActorOf(actor), {
        action: 'import',
        patientId,
        entity: 'patient',
        recordId: patientId,
        recordRev: rev,
        detail: { allergies: mapped.allergies.length, conditions: mapped.conditions.length, medications: mapped.medications.length },
      });
    }
    return buildImportSummary(fileName, mapping, alreadyPresent);
  });
}

function create(store: LocalStore, actor: Actor, entity: EntityName, recordId: string, fields: object): Hlc {
  return writeLocalChange(store, actor, { entity, recordId, op: 'create', fields: { ...fields }, baseRev: null, auditedByCaller: true }).rev;
}
