import { entityFieldNames, isEntityName, MAX_PULL_PAGE, SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION, type SyncedRecord } from '@eonpro/core';
import { readOutboxForRecord, readRecord, readSyncState } from '../db/readers.ts';
import type { StoredRecord } from '../db/records.ts';
import { saveBaseline, saveCursor } from '../db/writers.ts';
import type { LocalStore } from '../local/localStore.ts';
import { saveRecord } from '../local/saveRecord.ts';
import type { ServerConnection } from '../server/serverConnection.ts';
import { replayOutbox } from './replayOutbox.ts';

export const PULL_PAGE_SIZE = Math.min(500, MAX_PULL_PAGE);

export interface PullProgress {
  received: number;
  remaining: number;
}

/**
 * Pulls every change since the stored cursor, page by page. Each page's rows and the new cursor are written in one
 * transaction, so a connection cut between pages resumes after the last stored page.
 */
export async function pullChanges(store: LocalStore, connection: ServerConnection, onProgress: (progress: PullProgress) => void): Promise<number> {
  let received = 0;
  for (;;) {
    const cursor = readSyncState(store.db)!.cursor;
    const page = await connection.authorized((client) =>
      client.sync.pull.query({ protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SYNC_SCHEMA_VERSION, cursor, limit: PULL_PAGE_SIZE }),
    );
    store.transaction(() => {
      for (const change of page.changes) applyServerRecord(store, change);
      saveCursor(store.db, page.cursor);
    });
    received += page.changes.length;
    onProgress({ received, remaining: page.remaining });
    if (!page.hasMore || page.cursor === cursor) return received;
  }
}

/** Stores the server's state of a record; where this device still has outbox entries for it, they are merged over it. */
function applyServerRecord(store: LocalStore, change: SyncedRecord): void {
  if (!isEntityName(change.entity)) return;
  const entity = change.entity;
  const fields: Record<string, unknown> = {};
  for (const field of entityFieldNames(entity)) fields[field] = change.fields[field] ?? null;
  const server: StoredRecord = {
    entity,
    id: change.id,
    rev: change.rev,
    deleted: change.deleted,
    fields,
    fieldRevs: change.fieldRevs,
    updatedBy: { userId: change.updatedBy.userId, deviceId: change.updatedBy.deviceId },
  };
  store.observeRemote(change.rev);
  const local = readOutboxForRecord(store.db, entity, change.id);
  if (local.length === 0) {
    saveRecord(store.db, server);
    return;
  }
  saveBaseline(store.db, entity, change.id, server);
  const current = readRecord(store.db, entity, change.id);
  const merged = replayOutbox(server, local, current?.updatedBy ?? server.updatedBy);
  if (merged) saveRecord(store.db, { ...merged, deleted: server.deleted });
}
