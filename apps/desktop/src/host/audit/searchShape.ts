import { parsePatientQuery, type AuditDetail } from '@eonpro/core';

/**
 * What an audit entry keeps of a patient search: how the query was read (name, birth date, MRN, empty) and how many
 * words it had, never the text itself.
 */
export function searchShape(query: unknown): AuditDetail {
  if (typeof query !== 'string') return { kind: 'unreadable', tokens: 0 };
  const parsed = parsePatientQuery(query);
  return { kind: parsed.kind, tokens: parsed.kind === 'name' ? parsed.tokens.length : parsed.kind === 'empty' ? 0 : 1 };
}
