import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entities, entityFieldNames, entityNames } from '@eonpro/core';
import { storageColumn } from '../../src/keys/sealedFields.ts';
import { APP_ROLE } from '../../src/tenancy/tenantScope.ts';
import type { SuiteContext } from './suiteContext.ts';

/** Tables read only outside tenant scope, by the schema owner; the app role has no access at all. */
const OWNER_ONLY_TABLES = ['schema_migrations', 'tenants', 'signing_keys', 'user_logins'];
const TENANT_TABLES = [
  'users',
  'devices',
  'refresh_tokens',
  ...entityNames.map((entity) => entities[entity].table),
  'tenant_sync_state',
  'sync_log',
  'applied_mutations',
  'review_tasks',
  'audit_log',
  'audit_chain_heads',
  'audit_checkpoints',
  'break_glass_reasons',
  'tenant_data_keys',
  'tenant_policies',
  'mfa_factors',
  'mfa_recovery_codes',
  'mfa_challenges',
];
const SYNC_COLUMNS = ['tenant_id', 'id', 'rev', 'deleted', 'field_revs', 'updated_by_user', 'updated_by_device', 'server_seq'];

export function schemaTests({ services }: SuiteContext): void {
  describe('schema', () => {
    it('forces row-level security on every table with tenant data and gives the app role nothing else', async () => {
      const tables = await services().db.query<{ table_name: string; has_tenant: boolean; rls: boolean; forced: boolean; app_can_read: boolean }>(
        `select c.relname as table_name,
                exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id') as has_tenant,
                c.relrowsecurity as rls, c.relforcerowsecurity as forced,
                has_table_privilege($1, c.oid, 'select') as app_can_read
         from pg_class c where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace order by 1`,
        [APP_ROLE],
      );
      assert.deepEqual(tables.filter((t) => !t.app_can_read).map((t) => t.table_name).sort(), [...OWNER_ONLY_TABLES].sort());
      const tenantTables = tables.filter((t) => t.app_can_read);
      assert.deepEqual(tenantTables.map((t) => t.table_name).sort(), [...TENANT_TABLES].sort());
      for (const table of tenantTables) assert.ok(table.has_tenant && table.rls && table.forced, `${table.table_name} must carry tenant_id with forced row-level security`);
    });

    it("has a column for every field of core's entities, named with columnName (`_sealed` added for a sealed field)", async () => {
      for (const entity of entityNames) {
        const columns = await services().db.query<{ column_name: string }>(
          `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1`,
          [entities[entity].table],
        );
        const expected = [...SYNC_COLUMNS, ...entityFieldNames(entity).map((field) => storageColumn(entity, field))].sort();
        assert.deepEqual(columns.map((c) => c.column_name).sort(), expected, entity);
      }
    });
  });
}
