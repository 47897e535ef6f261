import type { EntityName, Hlc, MutationOp, MutationRejectionCode } from '@eonpro/core';

/** One change to one record, whether a device pushed it or the server made it (an import). */
export interface Change {
  entity: EntityName;
  recordId: string;
  op: MutationOp;
  fields: Record<string, unknown>;
  fieldRevs: Record<string, Hlc>;
  baseRev: Hlc | null;
}

export interface ChangeAuthor {
  userId: string;
  deviceId: string;
}

export interface Rejection {
  status: 'rejected';
  code: MutationRejectionCode;
  /** For the clinician: what is wrong and what to do, never the offending value. */
  message: string;
  path: string | null;
}

export type ChangeOutcome = { status: 'applied'; rev: Hlc } | Rejection;

export function reject(code: MutationRejectionCode, message: string, path: string | null = null): Rejection {
  return { status: 'rejected', code, message, path };
}
