import { maxHlc, mergeFields } from '@eonpro/core';
import type { OutboxEntry } from '../db/outboxEntry.ts';
import type { StoredRecord } from '../db/records.ts';

/**
 * The local state of a record: the server's state with this device's outbox entries merged over it per field
 * by HLC, in seq order. Local edits not yet accepted stay visible; newer edits from elsewhere still win.
 */
export function replayOutbox(
  server: StoredRecord | null,
  entries: readonly OutboxEntry[],
  localAuthor: StoredRecord['updatedBy'],
): StoredRecord | null {
  let state = server;
  for (const entry of entries) {
    const merged = mergeFields(state, { fields: entry.fields, fieldRevs: entry.fieldRevs });
    const rev = maxHlc(state?.rev, merged.rev);
    if (rev === null) continue;
    state = {
      entity: entry.entity,
      id: entry.recordId,
      rev,
      deleted: state?.deleted ?? false,
      fields: merged.fields,
      fieldRevs: merged.fieldRevs,
      updatedBy: merged.changedFields.length > 0 ? localAuthor : (state?.updatedBy ?? localAuthor),
    };
  }
  return state;
}
