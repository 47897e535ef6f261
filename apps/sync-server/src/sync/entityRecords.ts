import { entities, entityFieldNames, type EntityName, type Hlc } from '@eonpro/core';
import { openFieldValue, sealFieldValue, storageColumn, type SealingScope } from '../keys/sealedFields.ts';

/** A record as the server stores it: typed field columns plus the sync columns. */
export interface StoredRecord {
  id: string;
  rev: Hlc;
  deleted: boolean;
  fields: Record<string, unknown>;
  fieldRevs: Record<string, Hlc>;
  updatedBy: { userId: string; deviceId: string };
}

type Row = Record<string, unknown> & {
  id: string;
  rev: Hlc;
  deleted: boolean;
  field_revs: Record<string, Hlc>;
  updated_by_user: string;
  updated_by_device: string;
};

// Table and column names come from core's entity definitions, never from a request.
const quote = (identifier: string) => `"${identifier}"`;
const table = (entity: EntityName) => quote(entities[entity].table);
const fieldColumns = (entity: EntityName) => entityFieldNames(entity).map((field) => storageColumn(entity, field));
const selectList = (entity: EntityName) =>
  ['id', 'rev', 'deleted', 'field_revs', 'updated_by_user', 'updated_by_device', ...fieldColumns(entity)].map(quote).join(', ');

/**
 * One record of the current tenant (scope: a tenant-scoped transaction), locked until the transaction ends when
 * forUpdate is set. Sealed fields (src/keys/sealedFields.ts) come back opened.
 */
export async function readRecord(scope: SealingScope, entity: EntityName, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredRecord | null> {
  const [row] = await scope.tx.query<Row>(`select ${selectList(entity)} from ${table(entity)} where id = $1${options.forUpdate ? ' for update' : ''}`, [id]);
  return row ? fromRow(scope, entity, row) : null;
}

export async function readRecords(scope: SealingScope, entity: EntityName, ids: readonly string[]): Promise<Map<string, StoredRecord>> {
  const rows = await scope.tx.query<Row>(`select ${selectList(entity)} from ${table(entity)} where id = any($1::uuid[])`, [ids]);
  const records = new Map<string, StoredRecord>();
  for (const row of rows) records.set(row.id, await fromRow(scope, entity, row));
  return records;
}

/** Inserts or replaces the record, stamped with the change's server sequence number; sealed fields are sealed. */
export async function writeRecord(scope: SealingScope, entity: EntityName, record: StoredRecord, serverSeq: number): Promise<void> {
  const fields = entityFieldNames(entity);
  const columns = ['tenant_id', 'id', ...fieldColumns(entity), 'rev', 'deleted', 'field_revs', 'updated_by_user', 'updated_by_device', 'server_seq'];
  const fieldValues: unknown[] = [];
  for (const field of fields) fieldValues.push(await sealFieldValue(scope, entity, field, record.fields[field]));
  const values = [
    scope.tenantId,
    record.id,
    ...fieldValues,
    record.rev,
    record.deleted,
    JSON.stringify(record.fieldRevs),
    record.updatedBy.userId,
    record.updatedBy.deviceId,
    serverSeq,
  ];
  const placeholders = columns.map((column, index) => (column === 'field_revs' ? `$${index + 1}::jsonb` : `$${index + 1}`));
  const updates = columns.filter((column) => column !== 'tenant_id' && column !== 'id').map((column) => `${quote(column)} = excluded.${quote(column)}`);
  await scope.tx.query(
    `insert into ${table(entity)} (${columns.map(quote).join(', ')}) values (${placeholders.join(', ')})
     on conflict (tenant_id, id) do update set ${updates.join(', ')}`,
    values,
  );
}

async function fromRow(scope: SealingScope, entity: EntityName, row: Row): Promise<StoredRecord> {
  const fields: Record<string, unknown> = {};
  for (const field of entityFieldNames(entity)) fields[field] = await openFieldValue(scope, entity, field, row[storageColumn(entity, field)]);
  return {
    id: row.id,
    rev: row.rev,
    deleted: row.deleted,
    fields,
    fieldRevs: row.field_revs,
    updatedBy: { userId: row.updated_by_user, deviceId: row.updated_by_device },
  };
}
