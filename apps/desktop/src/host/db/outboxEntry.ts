import type { EntityName, Hlc, MutationOp, MutationRejectionCode } from '@eonpro/core';

/** A local change waiting to reach the server, or refused by it and kept for the person to see. */
export interface OutboxEntry {
  seq: number;
  mutationId: string;
  schemaVersion: number;
  entity: EntityName;
  recordId: string;
  op: MutationOp;
  fields: Record<string, unknown>;
  fieldRevs: Record<string, Hlc>;
  baseRev: Hlc | null;
  madeAt: string;
  /** Who made the change; null for changes written before authors were kept. */
  userId: string | null;
  status: 'pending' | 'rejected';
  rejection: { code: MutationRejectionCode; message: string; path: string | null } | null;
}
