import { AppError, type ChainHead } from '@eonpro/core';
import { TRPCClientError } from '@trpc/client';
import type { LocalStore } from '../local/localStore.ts';
import type { ServerConnection } from '../server/serverConnection.ts';
import { readAuditEntries, readAuditEntryHash, readAuditHeads, saveAcknowledgedHead } from './auditRows.ts';
import { breakGlassReasonsOf } from './breakGlassReasonsOf.ts';

/** The most entries `audit.pushDeviceEntries` takes at once. */
export const AUDIT_PUSH_BATCH = 500;

const FORKED_MESSAGE =
  'The audit trail on this workstation no longer matches what the sync server holds. Ask the clinic administrator to verify it.';

/**
 * Sends the audit entries the server has not acknowledged yet, in device-seq order, AUDIT_PUSH_BATCH at a time, and
 * marks them sent up to the head the server answers with. Resending is harmless: the server skips entries it holds.
 * Break-glass entries travel with their reason's text, which the server keeps sealed. If the server holds fewer than
 * it once acknowledged (restored from a backup), sending resumes from its head. Answers how many entries the server newly acknowledged.
 */
export async function pushAuditEntries(store: LocalStore, connection: ServerConnection): Promise<number> {
  const startedAt = readAuditHeads(store.db).acknowledged.seq;
  let from = startedAt;
  let resumed = false;
  for (;;) {
    const entries = readAuditEntries(store.db, from, AUDIT_PUSH_BATCH);
    if (entries.length === 0) return readAuditHeads(store.db).acknowledged.seq - startedAt;
    let deviceHead: ChainHead;
    try {
      const breakGlassReasons = breakGlassReasonsOf(store.db, entries);
      ({ deviceHead } = await connection.authorized((client) =>
        client.audit.pushDeviceEntries.mutate({ deviceId: store.deviceId, entries, breakGlassReasons }),
      ));
    } catch (error) {
      if (resumed || !isConflict(error)) throw error;
      const serverHead = await connection.authorized((client) => client.audit.deviceHead.query({ deviceId: store.deviceId }));
      if (serverHead.seq >= from || !holdsEntry(store, serverHead)) throw error;
      from = serverHead.seq;
      resumed = true;
      continue;
    }
    if (!holdsEntry(store, deviceHead)) throw new AppError('CONFLICT', FORKED_MESSAGE);
    if (deviceHead.seq <= from) throw new Error('The sync server acknowledged none of the audit entries it was sent');
    store.transaction(() => {
      if (deviceHead.seq > readAuditHeads(store.db).acknowledged.seq) saveAcknowledgedHead(store.db, deviceHead);
    });
    from = deviceHead.seq;
  }
}

/** Whether this workstation's chain has exactly this entry: the server and the workstation agree up to it. */
function holdsEntry(store: LocalStore, head: ChainHead): boolean {
  return readAuditEntryHash(store.db, head.seq) === head.hash;
}

function isConflict(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: unknown } | undefined)?.code === 'CONFLICT';
}
