import { auditActions, uuidSchema, type AuditDetail, type AuditEvent } from '@eonpro/core';
import { z } from 'zod';
import type { Queryable } from '../db/database.ts';

const instantSchema = z.iso.datetime({ message: 'Must be a UTC timestamp like 2024-05-17T12:30:45.123Z' });

/** The audit report's filters; `from` is inclusive and `to` exclusive, both on when the event happened. */
export const auditFilterFields = {
  userId: uuidSchema.optional(),
  patientId: uuidSchema.optional(),
  action: z.enum(auditActions, { message: 'Must be a known audit action' }).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
};

/** Adds the filters' own rule to a schema holding them: a date range must end after it starts. */
export function withFilterRules<S extends z.ZodType<{ from?: string; to?: string }>>(schema: S): S {
  return schema.refine((filters) => !filters.from || !filters.to || Date.parse(filters.from) < Date.parse(filters.to), {
    message: 'Must be after the start of the range',
    path: ['to'],
  });
}

export const auditFiltersSchema = withFilterRules(z.object(auditFilterFields));
export type AuditFilters = z.output<typeof auditFiltersSchema>;

/** One line of the report: the event flattened, with where it stands in the tenant chain and its device chain. */
export interface AuditReportRow {
  seq: number;
  id: string;
  occurredAt: string;
  recordedAt: string;
  userId: string | null;
  role: string | null;
  deviceId: string | null;
  workstation: string;
  patientId: string | null;
  action: string;
  outcome: string;
  entity: string | null;
  recordId: string | null;
  recordRev: string | null;
  detail: AuditDetail;
  deviceSeq: number | null;
}

interface ReportQueryRow {
  seq: number;
  event: AuditEvent;
  device_seq: number | null;
}

export interface ReportPage {
  /** Entries after this sequence number (oldest first) or before it (newest first). */
  cursor?: number;
  limit: number;
  order: 'newest-first' | 'oldest-first';
}

/** Entries of the current tenant matching the filters (in a tenant-scoped transaction). */
export async function readAuditReport(tx: Queryable, filters: AuditFilters, page: ReportPage): Promise<AuditReportRow[]> {
  const newestFirst = page.order === 'newest-first';
  const rows = await tx.query<ReportQueryRow>(
    `select seq, event, device_seq from audit_log
     where tenant_id = app_current_tenant()
       and ($1::uuid is null or user_id = $1)
       and ($2::uuid is null or patient_id = $2)
       and ($3::text is null or action = $3)
       and ($4::timestamptz is null or occurred_at >= $4)
       and ($5::timestamptz is null or occurred_at < $5)
       and ($6::bigint is null or seq ${newestFirst ? '<' : '>'} $6)
     order by seq ${newestFirst ? 'desc' : 'asc'}
     limit $7`,
    [filters.userId ?? null, filters.patientId ?? null, filters.action ?? null, filters.from ?? null, filters.to ?? null, page.cursor ?? null, page.limit],
  );
  return rows.map(toReportRow);
}

/** Flattens a stored event; a field a tampered row lacks reads as null rather than failing the whole report. */
function toReportRow({ seq, event, device_seq }: ReportQueryRow): AuditReportRow {
  return {
    seq,
    id: event.id,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    userId: event.actor?.userId ?? null,
    role: event.actor?.role ?? null,
    deviceId: event.device?.deviceId ?? null,
    workstation: event.device?.workstation ?? '',
    patientId: event.patientId ?? null,
    action: event.action,
    outcome: event.outcome,
    entity: event.entity ?? null,
    recordId: event.recordId ?? null,
    recordRev: event.recordRev ?? null,
    detail: event.detail ?? {},
    deviceSeq: device_seq,
  };
}

/** Which filters a report used, for its own audit entry: never their values beyond the action. */
export function filterShape(filters: AuditFilters): AuditDetail {
  return {
    byUser: filters.userId !== undefined,
    byPatient: filters.patientId !== undefined,
    byAction: filters.action ?? null,
    byDate: filters.from !== undefined || filters.to !== undefined,
  };
}
