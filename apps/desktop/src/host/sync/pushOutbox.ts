import { MAX_PUSH_BATCH, SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION, type Mutation } from '@eonpro/core';
import type { OutboxEntry } from '../db/outboxEntry.ts';
import { readOutboxForRecord, readPendingOutbox } from '../db/readers.ts';
import { deleteBaseline, deleteOutboxEntry, markOutboxRejected } from '../db/writers.ts';
import type { LocalStore } from '../local/localStore.ts';
import type { ServerConnection } from '../server/serverConnection.ts';

export interface PushOutcome {
  accepted: number;
  rejected: number;
}

/**
 * Sends pending outbox entries in seq order, MAX_PUSH_BATCH at a time. Accepted (applied or duplicate) entries
 * leave the outbox; rejected ones stay, marked with the server's code, message and path, and never hold back
 * the entries behind them.
 */
export async function pushOutbox(store: LocalStore, connection: ServerConnection): Promise<PushOutcome> {
  const outcome: PushOutcome = { accepted: 0, rejected: 0 };
  for (;;) {
    const batch = readPendingOutbox(store.db, MAX_PUSH_BATCH);
    if (batch.length === 0) return outcome;
    const response = await connection.authorized((client) =>
      client.sync.push.mutate({
        protocolVersion: SYNC_PROTOCOL_VERSION,
        schemaVersion: SYNC_SCHEMA_VERSION,
        deviceId: store.deviceId,
        mutations: batch.map((entry) => toMutation(store.deviceId, entry)),
      }),
    );
    const byMutationId = new Map(batch.map((entry) => [entry.mutationId, entry]));
    let answered = 0;
    store.transaction(() => {
      for (const result of response.results) {
        const entry = byMutationId.get(result.mutationId);
        if (!entry) continue;
        answered++;
        if (result.status === 'rejected') {
          markOutboxRejected(store.db, entry.mutationId, { code: result.code, message: result.message, path: result.path });
          outcome.rejected++;
        } else {
          deleteOutboxEntry(store.db, entry.mutationId);
          if (readOutboxForRecord(store.db, entry.entity, entry.recordId).length === 0) deleteBaseline(store.db, entry.entity, entry.recordId);
          outcome.accepted++;
        }
      }
      store.observeRemote(response.serverClock);
    });
    if (answered === 0) throw new Error('The sync server answered a push without a result for any change');
  }
}

function toMutation(deviceId: string, entry: OutboxEntry): Mutation {
  return {
    mutationId: entry.mutationId,
    deviceId,
    seq: entry.seq,
    entity: entry.entity,
    recordId: entry.recordId,
    op: entry.op,
    fields: entry.fields,
    fieldRevs: entry.fieldRevs,
    baseRev: entry.baseRev,
    madeAt: entry.madeAt,
    ...(entry.userId ? { userId: entry.userId } : {}),
  };
}
