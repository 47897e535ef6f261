import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { APP_ROLE, enterTenant } from '../../src/tenancy/tenantScope.ts';
import { AccessClinic } from '../access/accessClinic.ts';
import { callProcedure, routerProcedurePaths } from '../access/callProcedure.ts';
import { procedureAccess } from '../access/procedureAccess.ts';
import { comparableOutcome } from '../access/sameAnswer.ts';
import { dumpTenant, randomIds, rowCounts } from '../access/tenantDump.ts';
import { catalogTables, quoted, tenantTables } from '../access/tenantTables.ts';
import { assertApplied, assertRejected } from '../support/assertions.ts';
import { allergyFields, patientFields, TestClinic } from '../support/testServer.ts';
import type { SuiteContext } from './suiteContext.ts';

/**
 * Tables that name a tenant but must be read before the tenant is known, so they cannot sit behind row-level
 * security: only the schema owner reads them, never the app role (checked below).
 */
const OWNER_ONLY_DIRECTORIES: Record<string, string> = {
  user_logins: 'sign-in finds the clinic of an email before any tenant is set',
};

export function isolationTests({ services }: SuiteContext): void {
  describe('tenant isolation', () => {
    it("does not let another tenant pull, change or chart against a tenant's records", async () => {
      const deviceA = await (await TestClinic.create(services(), 'Clinic A')).device();
      const deviceB = await (await TestClinic.create(services(), 'Clinic B')).device();
      const patient = deviceA.create('patient', patientFields());
      const rev = assertApplied((await deviceA.push([patient])).results[0]);

      assert.equal((await deviceB.pullAll()).size, 0);
      const { results } = await deviceB.push([
        deviceB.update('patient', patient.recordId, { familyName: 'Hijacked' }, rev),
        deviceB.mutation('patient', 'delete', patient.recordId, {}, rev),
        deviceB.create('allergy', allergyFields(patient.recordId)),
      ]);
      assertRejected(results[0], 'NOT_FOUND', 'recordId');
      assertRejected(results[1], 'NOT_FOUND', 'recordId');
      assertRejected(results[2], 'NOT_FOUND', 'fields.patientId');

      const record = (await deviceA.pullAll()).get(patient.recordId)!;
      assert.equal(record.rev, rev);
      assert.equal(record.fields.familyName, 'Lopez');
      assert.equal(record.deleted, false);
      assert.equal((await deviceB.pullAll()).size, 0);
    });

    describe('against every procedure and every table', () => {
      let clinicA: AccessClinic;
      let clinicB: AccessClinic;
      before(async () => {
        clinicA = await AccessClinic.create(services(), 'Clinic A');
        clinicB = await AccessClinic.create(services(), 'Clinic B');
      });

      it("answers another clinic's ids as it answers random ids, for every procedure, and changes nothing of that clinic", async () => {
        const db = services().db;
        const rowsBefore = await dumpTenant(db, clinicB.ids.tenantId);
        const foreignIds = Object.values(clinicB.ids);
        const takesAnId: string[] = [];
        const mismatches: string[] = [];
        for (const path of routerProcedurePaths()) {
          const access = procedureAccess[path];
          assert.ok(access, `${path} has no row in test/access/procedureAccess.ts`);
          const role = access.allowed === 'public' || access.allowed.includes('admin') ? 'admin' : access.allowed[0]!;
          const device = clinicA.device(role);
          const foreignInput = access.input({ device, ids: clinicB.ids });
          const foreign = await callProcedure(device.caller, path, foreignInput);
          if (!foreignIds.some((id) => JSON.stringify(foreignInput ?? null).includes(id))) continue;
          takesAnId.push(path);
          const random = await callProcedure(device.caller, path, access.input({ device, ids: randomIds() }));
          if (comparableOutcome(foreign) !== comparableOutcome(random)) {
            mismatches.push(`${path}: another clinic's ids got ${comparableOutcome(foreign)}, random ids got ${comparableOutcome(random)}`);
          }
          const leaked = foreignIds.filter((id) => id !== clinicB.ids.tenantId && JSON.stringify(foreign).includes(id));
          if (leaked.length > 0) mismatches.push(`${path}: the answer names another clinic's record`);
        }
        assert.deepEqual(mismatches, []);
        for (const path of ['users.setRole', 'users.setActive', 'sync.push', 'audit.search']) assert.ok(takesAnId.includes(path), `${path} was called with ids`);
        assert.deepEqual(await dumpTenant(db, clinicB.ids.tenantId), rowsBefore, 'nothing of the other clinic changed');
      });

      it('keeps row-level security, forced, on every table the app role can reach, and the app role owns nothing', async () => {
        const db = services().db;
        const tables = await catalogTables(db);
        assert.ok(tables.some((table) => table.name === 'patients'), 'the catalog was read');
        const unprotected = tables
          .filter((table) => (table.hasTenantId && !Object.hasOwn(OWNER_ONLY_DIRECTORIES, table.name)) || table.appRoleCanTouch)
          .filter((table) => !table.hasTenantId || !table.rowSecurity || !table.forcedRowSecurity)
          .map((table) => table.name);
        assert.deepEqual(unprotected, [], 'tables the app role can reach, or holding tenant rows, without forced row-level security on tenant_id');
        for (const name of Object.keys(OWNER_ONLY_DIRECTORIES)) {
          const directory = tables.find((table) => table.name === name);
          assert.ok(directory && !directory.appRoleCanTouch, `${name} exists and the app role cannot reach it`);
        }
        const [owned] = await db.query<{ n: number }>(
          `select (select count(*) from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = $1)
                + (select count(*) from pg_proc p join pg_roles r on r.oid = p.proowner where r.rolname = $1)
                + (select count(*) from pg_namespace s join pg_roles r on r.oid = s.nspowner where r.rolname = $1) as n`,
          [APP_ROLE],
        );
        assert.equal(Number(owned!.n), 0, 'objects owned by the app role');
      });

      it("shows the app role with clinic A set not one row of clinic B, in every tenant table", async () => {
        const db = services().db;
        const tables = (await tenantTables(db)).filter((table) => table.appRoleCanSelect);
        const seen = await db.transaction(async (tx) => {
          await enterTenant(tx, clinicA.ids.tenantId);
          const counts: Record<string, number> = {};
          for (const table of tables) {
            const [row] = await tx.query<{ n: number }>(`select count(*)::int as n from ${quoted(table.name)} where tenant_id is distinct from $1`, [clinicA.ids.tenantId]);
            counts[table.name] = row!.n;
          }
          return counts;
        });
        assert.deepEqual(seen, Object.fromEntries(tables.map((table) => [table.name, 0])));
        // Not a vacuous proof: clinic B has rows in the tables every clinic fills.
        const held = await rowCounts(db, clinicB.ids.tenantId, tables.map((table) => table.name));
        for (const name of ['users', 'devices', 'refresh_tokens', 'patients', 'sync_log', 'applied_mutations', 'audit_log', 'audit_chain_heads']) {
          assert.ok((held[name] ?? 0) > 0, `clinic B has rows in ${name}`);
        }
      });

      it('shows a transaction that never set its tenant no row of any tenant table, and refuses its inserts', async () => {
        const db = services().db;
        const tables = await tenantTables(db);
        const counts = await db.transaction(async (tx) => {
          await tx.query(`set local role ${APP_ROLE}`);
          const found: Record<string, number> = {};
          for (const table of tables.filter((candidate) => candidate.appRoleCanSelect)) {
            const [row] = await tx.query<{ n: number }>(`select count(*)::int as n from ${quoted(table.name)}`);
            found[table.name] = row!.n;
          }
          await enterTenant(tx, clinicA.ids.tenantId);
          const [scoped] = await tx.query<{ n: number }>('select count(*)::int as n from patients');
          return { found, scopedPatients: scoped!.n };
        });
        assert.ok(Object.keys(counts.found).length >= 10);
        assert.deepEqual(Object.entries(counts.found).filter(([, n]) => n > 0), []);
        assert.equal(counts.scopedPatients, 1, 'the same transaction sees its rows once the tenant is set');

        const writable = tables.filter((table) => table.appRoleCanInsert);
        assert.ok(writable.some((table) => table.name === 'patients'));
        for (const table of writable) {
          await assert.rejects(
            db.transaction(async (tx) => {
              await tx.query(`set local role ${APP_ROLE}`);
              await tx.query(`insert into ${quoted(table.name)} (tenant_id) values ($1)`, [clinicA.ids.tenantId]);
            }),
            /row-level security/,
            `an insert into ${table.name} without a tenant`,
          );
        }
      });
    });
  });
}
