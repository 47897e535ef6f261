import { canonicalJson } from '@eonpro/core';
import type { AuditReportRow } from './auditReport.ts';

const COLUMNS = [
  'seq', 'occurredAt', 'recordedAt', 'userId', 'role', 'deviceId', 'workstation', 'patientId', 'action', 'outcome',
  'entity', 'recordId', 'recordRev', 'deviceSeq', 'id', 'detail',
] as const satisfies readonly (keyof AuditReportRow)[];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. A field a
 * spreadsheet would run as a formula (starting with = + - @ or a tab/carriage return) gets a leading apostrophe.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? canonicalJson(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The report as CSV: a header row, then one row per entry, lines ending CRLF. */
export function auditCsv(rows: readonly AuditReportRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) lines.push(COLUMNS.map((column) => csvField(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
