import { booleanFieldNames, columnName, entities, entityFieldNames, type EntityName, type Hlc } from '@eonpro/core';

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

/**
 * What a search result or duplicate candidate shows about a patient. A restricted patient shows only their name and
 * age in whole years (`mrn`, `birthDate` and `sex` null) until someone gives a break-glass reason to open the chart.
 */
export interface PatientSummary {
  id: string;
  mrn: string | null;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  sex: string | null;
  restricted: boolean;
  /** Set only for a restricted patient, whose birth date is not shown. */
  ageYears: number | null;
}

/** The columns of a PatientSummary, for SELECT lists; `toPatientSummary` turns a row into one. */
export const PATIENT_SUMMARY_COLUMNS =
  'p.id, p.mrn, p.given_name AS givenName, p.family_name AS familyName, p.birth_date AS birthDate, p.sex, p.restricted';

/** A search row as shown: a restricted patient's details beyond name and age are left out. */
export function toPatientSummary(row: Row, today: Date = new Date()): PatientSummary {
  const summary = row as unknown as Omit<PatientSummary, 'restricted' | 'ageYears'> & { birthDate: string; restricted: number };
  if (summary.restricted !== 1) return { ...summary, restricted: false, ageYears: null };
  return {
    id: summary.id,
    mrn: null,
    givenName: summary.givenName,
    familyName: summary.familyName,
    birthDate: null,
    sex: null,
    restricted: true,
    ageYears: wholeYears(summary.birthDate, today),
  };
}

function wholeYears(birthDate: string, today: Date): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const beforeBirthday = today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day);
  return today.getFullYear() - year - (beforeBirthday ? 1 : 0);
}

interface EntityColumns {
  table: string;
  fields: string[];
  columns: string[];
  booleans: ReadonlySet<string>;
}

/** Column names are derived from core's field names, so both stores and the sync envelope agree. */
const entityColumns = Object.fromEntries(
  (Object.keys(entities) as EntityName[]).map((entity): [EntityName, EntityColumns] => {
    const fields = entityFieldNames(entity);
    return [entity, { table: entities[entity].table, fields, columns: fields.map(columnName), booleans: new Set(booleanFieldNames(entity)) }];
  }),
) as Record<EntityName, EntityColumns>;

export function columnsOf(entity: EntityName): EntityColumns {
  return entityColumns[entity];
}

export function rowToRecord(entity: EntityName, row: Row): StoredRecord {
  const { fields: names, columns, booleans } = entityColumns[entity];
  const fields: Record<string, unknown> = {};
  names.forEach((field, i) => {
    const value = row[columns[i]!] ?? null;
    fields[field] = booleans.has(field) && value !== null ? value === 1 : value;
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
