import type { EntityName, MutationRejectionCode } from '@eonpro/core';
import type { OutboxEntry } from '../db/outboxEntry.ts';

/** A local change the server refused, kept for the person to read and dismiss. */
export interface RejectedMutation {
  mutationId: string;
  seq: number;
  entity: EntityName;
  recordId: string;
  /** The patient the change concerns, so the app can open the chart. */
  patientId: string | null;
  op: OutboxEntry['op'];
  madeAt: string;
  code: MutationRejectionCode;
  message: string;
  path: string | null;
}

export function toRejectedMutation(entry: OutboxEntry): RejectedMutation {
  const patientId = entry.entity === 'patient' ? entry.recordId : typeof entry.fields.patientId === 'string' ? entry.fields.patientId : null;
  return {
    mutationId: entry.mutationId,
    seq: entry.seq,
    entity: entry.entity,
    recordId: entry.recordId,
    patientId,
    op: entry.op,
    madeAt: entry.madeAt,
    code: entry.rejection!.code,
    message: entry.rejection!.message,
    path: entry.rejection!.path,
  };
}
