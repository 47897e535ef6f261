import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkpointTenant } from '../../src/audit/checkpointTenant.ts';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import type { SuiteContext } from '../suites/suiteContext.ts';
import { TestClinic } from '../support/testServer.ts';
import { readChain, recordEvents } from './auditFixtures.ts';

const APPEND_ONLY = /The audit trail is append-only/;
const PERMISSION_DENIED = /permission denied for table/;

export function appendOnlyTests({ services }: SuiteContext): void {
  /** A clinic with two events and a checkpoint, so each table has rows for its row triggers to guard. */
  async function clinicWithTrail(): Promise<TestClinic> {
    const clinic = await TestClinic.create(services());
    await recordEvents(services(), clinic.tenantId, 2);
    await checkpointTenant(services(), clinic.tenantId, null);
    return clinic;
  }

  describe('audit trail is append-only', () => {
    for (const table of ['audit_log', 'audit_checkpoints']) {
      it(`does not let the app role update, delete or truncate ${table}`, async () => {
        const clinic = await clinicWithTrail();
        const statements = [`update ${table} set seq = seq`, `delete from ${table}`, `truncate ${table}`];
        for (const statement of statements) {
          await assert.rejects(withTenant(services().db, clinic.tenantId, (tx) => tx.query(statement)), PERMISSION_DENIED, statement);
        }
      });

      it(`refuses update, delete and truncate of ${table} even for its owner`, async () => {
        const clinic = await clinicWithTrail();
        const statements = [`update ${table} set seq = seq`, `delete from ${table}`, `truncate ${table}`];
        for (const statement of statements) {
          const asOwner = services().db.transaction(async (tx) => {
            await tx.query(`select set_config('app.tenant_id', $1, true)`, [clinic.tenantId]);
            await tx.query(statement);
          });
          await assert.rejects(asOwner, APPEND_ONLY, statement);
        }
        assert.equal((await readChain(services(), clinic.tenantId)).length, 3);
      });
    }

    it('numbers the entries of concurrent transactions without gaps', async () => {
      const clinic = await TestClinic.create(services());
      await Promise.all(Array.from({ length: 12 }, () => recordEvents(services(), clinic.tenantId, 3)));
      const chain = await readChain(services(), clinic.tenantId);
      assert.deepEqual(chain.map((entry) => entry.seq), Array.from({ length: 36 }, (_, index) => index + 1));
      chain.forEach((entry, index) => assert.equal(entry.prevHash, index === 0 ? '0'.repeat(64) : chain[index - 1]!.entryHash));
    });
  });
}
