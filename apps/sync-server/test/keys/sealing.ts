import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import type { SuiteContext } from '../suites/suiteContext.ts';
import { TestClinic } from '../support/testServer.ts';

const SSN = '123-45-6789';

/** Flips one character of the ciphertext part of an envelope (to another base64url character). */
export function tamper(sealed: string): string {
  const at = sealed.length - 5;
  return `${sealed.slice(0, at)}${sealed[at] === 'A' ? 'B' : 'A'}${sealed.slice(at + 1)}`;
}

export function sealingTests({ services }: SuiteContext): void {
  describe('tenant sealer', () => {
    it('seals into a versioned envelope that opens with the same tenant and purpose, with a fresh nonce each time', async () => {
      const { tenantId } = await TestClinic.create(services());
      const { sealer } = services();
      const [first, second] = await withTenant(services().db, tenantId, async (tx) => [
        await sealer.seal(tx, tenantId, SSN, 'patient.ssn'),
        await sealer.seal(tx, tenantId, SSN, 'patient.ssn'),
      ]);
      assert.match(first!, /^v1\.1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
      assert.notEqual(first, second);
      assert.ok(!first!.includes(SSN) && !first!.includes('6789'));
      const opened = await withTenant(services().db, tenantId, (tx) => sealer.open(tx, tenantId, first!, 'patient.ssn'));
      assert.equal(opened, SSN);
    });

    it('stores the data key only wrapped under the master key, one row per version', async () => {
      const { tenantId } = await TestClinic.create(services());
      await withTenant(services().db, tenantId, (tx) => services().sealer.seal(tx, tenantId, SSN, 'patient.ssn'));
      const rows = await withTenant(services().db, tenantId, (tx) =>
        tx.query<{ version: number; master_key_id: string; master_key_version: number; wrapped_key: string }>('select version, master_key_id, master_key_version, wrapped_key from tenant_data_keys'),
      );
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.version, 1);
      assert.equal(rows[0]!.master_key_id, services().keyProvider.keyId);
      const unwrapped = await services().keyProvider.unwrap({ keyId: rows[0]!.master_key_id, keyVersion: rows[0]!.master_key_version, ciphertext: rows[0]!.wrapped_key });
      assert.equal(unwrapped.length, 32);
      assert.ok(!rows[0]!.wrapped_key.includes(unwrapped.toString('base64url')));
    });

    it('refuses a tampered value, another purpose, and text that is no envelope', async () => {
      const { tenantId } = await TestClinic.create(services());
      const { sealer, db } = services();
      const sealed = await withTenant(db, tenantId, (tx) => sealer.seal(tx, tenantId, SSN, 'patient.ssn'));
      const refused = (error: Error & { code?: string }) => error.code === 'INTERNAL' && /could not be opened/.test(error.message) && !error.message.includes(SSN);
      await withTenant(db, tenantId, async (tx) => {
        await assert.rejects(sealer.open(tx, tenantId, tamper(sealed), 'patient.ssn'), refused);
        await assert.rejects(sealer.open(tx, tenantId, sealed, 'patient.driversLicense'), refused);
        await assert.rejects(sealer.open(tx, tenantId, SSN, 'patient.ssn'), refused);
        await assert.rejects(sealer.open(tx, tenantId, sealed.replace(/^v1\.1\./, 'v1.2.'), 'patient.ssn'), refused);
      });
    });

    it("never opens one tenant's sealed value as another tenant's", async () => {
      const a = await TestClinic.create(services(), 'Clinic A');
      const b = await TestClinic.create(services(), 'Clinic B');
      const { sealer, db } = services();
      const sealed = await withTenant(db, a.tenantId, (tx) => sealer.seal(tx, a.tenantId, SSN, 'patient.ssn'));
      await withTenant(db, b.tenantId, (tx) => sealer.seal(tx, b.tenantId, 'B-1', 'patient.ssn'));
      const refused = /could not be opened/;
      // As B, in B's scope: B's own key (the same version number) does not open it.
      await assert.rejects(withTenant(db, b.tenantId, (tx) => sealer.open(tx, b.tenantId, sealed, 'patient.ssn')), refused);
      // Claiming to be A from inside B's scope: row-level security hides A's key.
      await assert.rejects(withTenant(db, b.tenantId, (tx) => sealer.open(tx, a.tenantId, sealed, 'patient.ssn')), refused);
      assert.equal(await withTenant(db, a.tenantId, (tx) => sealer.open(tx, a.tenantId, sealed, 'patient.ssn')), SSN);
    });
  });
}
