import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRotatable, type RotatableKeyProvider, type WrappedKey } from '../../src/keys/keyProvider.ts';
import { rotateMasterKey } from '../../src/keys/masterKeyRotation.ts';
import { DataKeySealer } from '../../src/keys/tenantSealer.ts';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import { assertApplied } from '../support/assertions.ts';
import { patientFields, TestClinic } from '../support/testServer.ts';
import type { SuiteContext } from '../suites/suiteContext.ts';

const SSN = '219-09-9999';

interface WrappingRow {
  tenant_id: string;
  version: number;
  master_key_version: number;
  wrapped_key: string;
}

async function dataKeyRows(services: SuiteContext['services'], tenantIds: readonly string[]): Promise<WrappingRow[]> {
  const rows: WrappingRow[] = [];
  for (const tenantId of tenantIds) {
    rows.push(...(await withTenant(services().db, tenantId, (tx) => tx.query<WrappingRow>('select tenant_id, version, master_key_version, wrapped_key from tenant_data_keys order by version'))));
  }
  return rows;
}

/** A clinic with one patient whose SSN is sealed; answers the clinic and the patient's sealed column. */
async function clinicWithSealedSsn(services: SuiteContext['services']) {
  const clinic = await TestClinic.create(services());
  const device = await clinic.device();
  const patient = device.create('patient', patientFields({ ssn: SSN }));
  assertApplied((await device.push([patient])).results[0]);
  const sealed = async () =>
    (await withTenant(services().db, clinic.tenantId, (tx) => tx.query<{ ssn_sealed: string }>('select ssn_sealed from patients where id = $1', [patient.recordId])))[0]!.ssn_sealed;
  return { clinic, device, patientId: patient.recordId, sealed };
}

function rotatable(services: SuiteContext['services']): RotatableKeyProvider {
  const provider = services().keyProvider;
  assert.ok(isRotatable(provider));
  return provider;
}

/** The provider, but wrap fails from the nth call on: a crash half-way through a rotation. */
function failingAfter(provider: RotatableKeyProvider, wraps: number): RotatableKeyProvider {
  let calls = 0;
  return {
    keyId: provider.keyId,
    wrap: (dataKey: Buffer) => (++calls > wraps ? Promise.reject(new Error('power cut')) : provider.wrap(dataKey)),
    unwrap: (wrapped: WrappedKey) => provider.unwrap(wrapped),
    currentVersion: () => provider.currentVersion(),
    addVersion: () => provider.addVersion(),
    retireVersionsBefore: (keepFrom: number) => provider.retireVersionsBefore(keepFrom),
  };
}

export function masterRotationTests({ services }: SuiteContext): void {
  describe('master key rotation', () => {
    it('re-wraps every data key and signing key under a new version, leaves sealed data untouched and retires the old version', async () => {
      const a = await clinicWithSealedSsn(services);
      const b = await clinicWithSealedSsn(services);
      const provider = rotatable(services);
      const before = await dataKeyRows(services, [a.clinic.tenantId, b.clinic.tenantId]);
      const [sealedA, sealedB] = [await a.sealed(), await b.sealed()];
      const oldVersion = await provider.currentVersion();

      const rotation = await rotateMasterKey(services().db, provider);
      assert.equal(rotation.version, oldVersion + 1);
      assert.ok(rotation.dataKeys >= 2);
      assert.ok(rotation.signingKeys >= 1);

      const after = await dataKeyRows(services, [a.clinic.tenantId, b.clinic.tenantId]);
      assert.equal(after.length, before.length);
      for (const [index, row] of after.entries()) {
        assert.equal(row.master_key_version, rotation.version);
        assert.notEqual(row.wrapped_key, before[index]!.wrapped_key);
      }
      assert.equal(await a.sealed(), sealedA, 'sealed values are not rewritten');
      assert.equal(await b.sealed(), sealedB);
      const signing = await services().db.query<{ master_key_version: number }>('select master_key_version from signing_keys where wrapped_private_key is not null');
      assert.ok(signing.every((row) => row.master_key_version === rotation.version));
      await assert.rejects(provider.unwrap({ keyId: provider.keyId, keyVersion: oldVersion, ciphertext: before[0]!.wrapped_key }), /not in the master key/);

      // A server that never saw the old data key opens everything through the new wrapping.
      const fresh = new DataKeySealer(provider);
      const opened = await withTenant(services().db, a.clinic.tenantId, (tx) => fresh.open(tx, a.clinic.tenantId, sealedA, 'patient.ssn'));
      assert.equal(opened, SSN);
      assert.equal((await b.device.pullAll()).get(b.patientId)!.fields.ssn, SSN);

      const audited = await withTenant(services().db, a.clinic.tenantId, (tx) =>
        tx.query<{ action: string; detail: Record<string, unknown> }>(`select action, event -> 'detail' as detail from audit_log where action = 'master-key-rotate'`),
      );
      assert.deepEqual(audited.map((row) => row.detail), [{ masterKeyVersion: rotation.version, rewrapped: 1 }]);
    });

    it('survives a crash half-way: the old version stays until a second run finishes the re-wrap', async () => {
      const a = await clinicWithSealedSsn(services);
      const b = await clinicWithSealedSsn(services);
      const tenants = [a.clinic.tenantId, b.clinic.tenantId];
      const provider = rotatable(services);
      const oldVersion = await provider.currentVersion();

      // The power cut comes when b's turn comes: every tenant before it (a included) is re-wrapped.
      const earlier = await services().db.query<{ id: string }>('select id from tenants where id < $1', [b.clinic.tenantId]);
      const wrapsBeforeB = (await dataKeyRows(services, earlier.map((row) => row.id))).length;
      await assert.rejects(rotateMasterKey(services().db, failingAfter(provider, wrapsBeforeB)), /power cut/);
      // Half re-wrapped: the old version is still held, so every key still unwraps and every value opens.
      assert.equal(await provider.currentVersion(), oldVersion + 1);
      await provider.unwrap(await provider.wrap(Buffer.alloc(32)));
      const versions = await dataKeyRows(services, tenants);
      assert.deepEqual(versions.map((row) => row.master_key_version), [oldVersion + 1, oldVersion], "a's key re-wrapped, b's left under the old version");
      const fresh = new DataKeySealer(provider);
      for (const clinic of [a, b]) {
        const sealed = await clinic.sealed();
        assert.equal(await withTenant(services().db, clinic.clinic.tenantId, (tx) => fresh.open(tx, clinic.clinic.tenantId, sealed, 'patient.ssn')), SSN);
      }

      const rerun = await rotateMasterKey(services().db, provider);
      assert.deepEqual((await dataKeyRows(services, tenants)).map((row) => row.master_key_version), [rerun.version, rerun.version]);
      assert.equal((await a.device.pullAll()).get(a.patientId)!.fields.ssn, SSN);
    });
  });
}
