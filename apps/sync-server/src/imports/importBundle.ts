import { buildImportSummary, formatPath, mapFhirBundle, uuidv7, type EntityName, type HybridClock, type ImportSummary, type MappedPatient } from '@eonpro/core';
import { importAuditInput } from '../audit/importAuditInput.ts';
import { recordAuditEvents, type ServerAuditInput } from '../audit/recordAuditEvent.ts';
import type { AccessClaims } from '../auth/accessToken.ts';
import { serverDeviceId } from '../auth/devices.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { TenantSealer } from '../keys/tenantSealer.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { applyChange, type ApplyContext } from '../sync/applyChange.ts';
import type { Rejection } from '../sync/change.ts';
import { lockChangeLog } from '../sync/changeLog.ts';

/** A mapped record the apply path refused: the whole bundle is rolled back and the file reported as failed. */
class RecordRefused extends Error {
  constructor(readonly path: string, readonly rejection: Rejection) {
    super(rejection.message);
  }
}

/**
 * Imports one FHIR bundle: all of it or nothing, in one transaction. Each new patient and its entries go
 * through the same apply path as pushed mutations, as changes made by the tenant's server device, so every
 * workstation receives them by pull. Patients imported before (same sourceId) are left as they are.
 */
export async function importBundle(
  deps: { db: Database; clock: HybridClock; sealer: TenantSealer },
  caller: AccessClaims,
  fileName: string,
  bundle: unknown,
): Promise<ImportSummary> {
  const mapping = mapFhirBundle(bundle);
  if (!mapping.ok) return buildImportSummary(fileName, mapping);
  try {
    const alreadyPresent = await withTenant(deps.db, caller.tenantId, async (tx) => {
      await lockChangeLog(tx, caller.tenantId);
      const ctx: ApplyContext = { tx, tenantId: caller.tenantId, clock: deps.clock, author: { userId: caller.userId, deviceId: await serverDeviceId(tx) }, sealer: deps.sealer };
      const present = new Set<string>();
      const imported: ServerAuditInput[] = [];
      for (const [index, mapped] of mapping.patients.entries()) {
        if (await patientWithSourceExists(tx, mapped.sourceId)) present.add(mapped.sourceId);
        else imported.push(importAuditInput(caller, await createPatient(ctx, mapped, `patients[${index}]`), mapped));
      }
      await recordAuditEvents(tx, imported);
      return present;
    });
    return buildImportSummary(fileName, mapping, alreadyPresent);
  } catch (error) {
    if (!(error instanceof RecordRefused)) throw error;
    return buildImportSummary(fileName, { ok: false, issues: [{ path: error.path, message: error.rejection.message }] });
  }
}

async function patientWithSourceExists(tx: Queryable, sourceId: string): Promise<boolean> {
  const rows = await tx.query('select 1 from patients where source_id = $1 limit 1', [sourceId]);
  return rows.length > 0;
}

/** Returns the new patient's id. */
async function createPatient(ctx: ApplyContext, mapped: MappedPatient, path: string): Promise<string> {
  const patientId = uuidv7();
  await create(ctx, 'patient', patientId, mapped.patient, `${path}.patient`);
  const entries: [EntityName, string, readonly object[]][] = [
    ['allergy', 'allergies', mapped.allergies],
    ['condition', 'conditions', mapped.conditions],
    ['medication', 'medications', mapped.medications],
  ];
  for (const [entity, list, items] of entries) {
    for (const [index, fields] of items.entries()) await create(ctx, entity, uuidv7(), { ...fields, patientId }, `${path}.${list}[${index}]`);
  }
  return patientId;
}

async function create(ctx: ApplyContext, entity: EntityName, recordId: string, fields: object, path: string): Promise<void> {
  const rev = ctx.clock.tick();
  const values = fields as Record<string, unknown>;
  const fieldRevs = Object.fromEntries(Object.keys(values).map((field) => [field, rev]));
  const outcome = await applyChange(ctx, { entity, recordId, op: 'create', fields: values, fieldRevs, baseRev: null });
  if (outcome.status === 'rejected') throw new RecordRefused(formatPath([path, ...(outcome.path ? [outcome.path] : [])]), outcome);
}
