import { columnName, entities, entityFieldNames, type EntityName, type Hlc } from '@eonpro/core';

/** A synced record as the local store holds it: its fields by name plus the sync bookkeeping. */
export interface StoredRecord {
  entity: EntityName;
  id: string;
  rev: Hlc;
  deleted: boolean;
  fields: Record<string, unknown>;
  fieldRevs: Record<string, Hlc>;
  updatedBy: { userId: string | null; deviceId: string | null };
}

export type Row = Record<string, unknown>;

/** What a search result or duplicate candidate shows about a patient: read straight from the columns. */
export interface PatientSummary {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: string;
}

/** The columns of a PatientSummary, for SELECT lists. */
export const PATIENT_SUMMARY_COLUMNS = 'p.id, p.mrn, p.given_name AS givenName, p.family_name AS familyName, p.birth_date AS birthDate, p.sex';

interface EntityColumns {
  table: string;
  fields: string[];
  columns: string[];
}

/** Column names are derived from core's field names, so both stores and the sync envelope agree. */
const entityColumns = Object.fromEntries(
  (Object.keys(entities) as EntityName[]).map((entity) => {
    const fields = entityFieldNames(entity);
    return [entity, { table: entities[entity].table, fields, columns: fields.map(columnName) }];
  }),
) as Record<EntityName, EntityColumns>;

export function columnsOf(entity: EntityName): EntityColumns {
  return entityColumns[entity];
}

export function rowToRecord(entity: EntityName, row: Row): StoredRecord {
  const { fields: names, columns } = entityColumns[entity];
  const fields: Record<string, unknown> = {};
  names.forEach((field, i) => {
    fields[field] = row[columns[i]!] ?? null;
  });
  return {
    entity,
    id: row.id as string,
    rev: row.rev as Hlc,
    deleted: row.deleted === 1,
    fields,
    fieldRevs: JSON.parse(row.field_revs as string) as Record<string, Hlc>,
    updatedBy: { userId: (row.updated_by_user as string | null) ?? null, deviceId: (row.updated_by_device as string | null) ?? null },
  };
}

/** Row values in the order `columnsOf(entity).columns`, then the bookkeeping columns. */
export function recordToRowValues(record: StoredRecord): unknown[] {
  const { fields } = entityColumns[record.entity];
  return [
    record.id,
    ...fields.map((field) => toColumnValue(record.fields[field])),
    record.rev,
    record.deleted ? 1 : 0,
    JSON.stringify(record.fieldRevs),
    record.updatedBy.userId,
    record.updatedBy.deviceId,
  ];
}

function toColumnValue(value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return JSON.stringify(value);
}
