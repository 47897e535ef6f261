import { columnName, entities, entityFieldNames, type EntityName, type Hlc } from '@eonpro/core';
import type { Queryable } from '../db/database.ts';

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
const fieldColumns = (entity: EntityName) => entityFieldNames(entity).map(columnName);
const selectList = (entity: EntityName) =>
  ['id', 'rev', 'deleted', 'field_revs', 'updated_by_user', 'updated_by_device', ...fieldColumns(entity)].map(quote).join(', ');

/** One record of the current tenant, locked until the transaction ends when forUpdate is set. */
export async function readRecord(tx: Queryable, entity: EntityName, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredRecord | null> {
  const [row] = await tx.query<Row>(`select ${selectList(entity)} from ${table(entity)} where id = $1${options.forUpdate ? ' for update' : ''}`, [id]);
  return row ? fromRow(entity, row) : null;
}

export async function readRecords(tx: Queryable, entity: EntityName, ids: readonly string[]): Promise<Map<string, StoredRecord>> {
  const rows = await tx.query<Row>(`select ${selectList(entity)} from ${table(entity)} where id = any($1::uuid[])`, [ids]);
  return new Map(rows.map((row) => [row.id, fromRow(entity, row)]));
}

/** Inserts or replaces the record, stamped with the change's server sequence number. */
export async function writeRecord(tx: Queryable, tenantId: string, entity: EntityName, record: StoredRecord, serverSeq: number): Promise<void> {
  const fields = entityFieldNames(entity);
  const columns = ['tenant_id', 'id', ...fields.map(columnName), 'rev', 'deleted', 'field_revs', 'updated_by_user', 'updated_by_device', 'server_seq'];
  const values = [
    tenantId,
    record.id,
    ...fields.map((field) => record.fields[field] ?? null),
    record.rev,
    record.deleted,
    JSON.stringify(record.fieldRevs),
    record.updatedBy.userId,
    record.updatedBy.deviceId,
    serverSeq,
  ];
  const placeholders = columns.map((column, index) => (column === 'field_revs' ? `$${index + 1}::jsonb` : `$${index + 1}`));
  const updates = columns.filter((column) => column !== 'tenant_id' && column !== 'id').map((column) => `${quote(column)} = excluded.${quote(column)}`);
  await tx.query(
    `insert into ${table(entity)} (${columns.map(quote).join(', ')}) values (${placeholders.join(', ')})
     on conflict (tenant_id, id) do update set ${updates.join(', ')}`,
    values,
  );
}

function fromRow(entity: EntityName, row: Row): StoredRecord {
  const fields: Record<string, unknown> = {};
  for (const field of entityFieldNames(entity)) fields[field] = row[columnName(field)] ?? null;
  return {
    id: row.id,
    rev: row.rev,
    deleted: row.deleted,
    fields,
    fieldRevs: row.field_revs,
    updatedBy: { userId: row.updated_by_user, deviceId: row.updated_by_device },
  };
}
