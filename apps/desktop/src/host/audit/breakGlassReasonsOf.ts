import type { DeviceChainEntry } from '@eonpro/core';
import type { Db } from '../db/openDatabase.ts';
import { readBreakGlassReason } from '../db/readers.ts';

/** A break-glass reason as it travels with its audit entry: the server keeps it sealed, keyed by the entry. */
export interface BreakGlassReasonUpload {
  auditEventId: string;
  reasonText: string;
}

/**
 * The reasons of the break-glass entries among `entries` whose detail carries the reason's digest (entries from
 * before the digest have nothing the server could check a text against, so their reason stays here).
 */
export function breakGlassReasonsOf(db: Db, entries: readonly DeviceChainEntry[]): BreakGlassReasonUpload[] {
  const uploads: BreakGlassReasonUpload[] = [];
  for (const { event } of entries) {
    if (event.action !== 'break-glass' || typeof event.detail.reasonDigest !== 'string') continue;
    const stored = readBreakGlassReason(db, event.id);
    if (stored) uploads.push({ auditEventId: event.id, reasonText: stored.reason });
  }
  return uploads;
}
