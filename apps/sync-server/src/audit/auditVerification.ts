import type { ChainBreakReason } from '@eonpro/core';

/** What `audit.verify` and `npm run audit:verify` report for one tenant. */
export type AuditVerification =
  | {
      ok: true;
      /** Entries in the tenant chain. */
      length: number;
      head: string;
      /** The last entry a valid signed checkpoint vouches for; later ones are held by their links alone. */
      vouchedThrough: number;
      checkpoints: number;
      /** Desktop chains found inside the tenant chain, each verified too. */
      devices: number;
    }
  | {
      ok: false;
      reason: ChainBreakReason;
      /** The tenant-chain sequence number of the first link that cannot be trusted. */
      seq: number;
      /** The event id stored there, or null when no entry stands there (a cut-off tail). */
      entryId: string | null;
      message: string;
      checkpointSeq?: number;
      /** For a break in a desktop's own chain: which device, and where in its chain. */
      deviceId?: string;
      deviceSeq?: number;
    };

export type AuditBreak = Extract<AuditVerification, { ok: false }>;
