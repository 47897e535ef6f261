import { AppError, allergyFieldsSchema, conditionFieldsSchema, parseOrThrow, uuidSchema, uuidv7, type Hlc } from '@eonpro/core';
import { readAmendingEntryId, readRecord } from '../db/readers.ts';
import type { Actor } from './actor.ts';
import type { LocalStore } from './localStore.ts';
import { writeLocalChange } from './writeLocalChange.ts';

/** Clinical entries a person records on this workstation. Append-only: a correction is a new, amending entry. */
export type RecordableEntity = 'allergy' | 'condition';

const entryNames: Record<RecordableEntity, string> = { allergy: 'allergy', condition: 'condition' };

/** Input for a new entry: its fields, without amendsId (that is what amend is for) or an import source. */
export const recordEntrySchemas = {
  allergy: allergyFieldsSchema.omit({ amendsId: true, sourceId: true }),
  condition: conditionFieldsSchema.omit({ amendsId: true, sourceId: true }),
};

/** Input for a correction: the entry it amends and its full new content (the patient is the amended entry's). */
export const amendEntrySchemas = {
  allergy: allergyFieldsSchema.omit({ amendsId: true, sourceId: true, patientId: true }).extend({ amendsId: uuidSchema }),
  condition: conditionFieldsSchema.omit({ amendsId: true, sourceId: true, patientId: true }).extend({ amendsId: uuidSchema }),
};

export function recordEntry(store: LocalStore, actor: Actor, entity: RecordableEntity, input: unknown): { id: string; rev: Hlc } {
  const content = parseOrThrow(recordEntrySchemas[entity], input, `The ${entryNames[entity]}`);
  const fields = { ...content, amendsId: null, sourceId: null };
  return store.transaction(() => {
    const patient = readRecord(store.db, 'patient', fields.patientId);
    if (!patient || patient.deleted) {
      throw new AppError('NOT_FOUND', 'This patient is not on this workstation.', [{ path: 'patientId', message: 'Not found' }]);
    }
    return createEntry(store, actor, entity, fields);
  });
}

export function amendEntry(store: LocalStore, actor: Actor, entity: RecordableEntity, input: unknown): { id: string; rev: Hlc } {
  const { amendsId, ...content } = parseOrThrow(amendEntrySchemas[entity], input, `The corrected ${entryNames[entity]}`);
  return store.transaction(() => {
    const amended = readRecord(store.db, entity, amendsId);
    if (!amended || amended.deleted) {
      throw new AppError('NOT_FOUND', `The ${entryNames[entity]} to correct is not on this workstation.`, [
        { path: 'amendsId', message: 'Not found' },
      ]);
    }
    if (readAmendingEntryId(store.db, entity, amendsId) !== null) {
      throw new AppError('CONFLICT', `This ${entryNames[entity]} was already corrected. Correct the latest version instead.`, [
        { path: 'amendsId', message: 'Already amended' },
      ]);
    }
    return createEntry(store, actor, entity, { ...content, patientId: amended.fields.patientId, amendsId, sourceId: null });
  });
}

function createEntry(store: LocalStore, actor: Actor, entity: RecordableEntity, fields: Record<string, unknown>): { id: string; rev: Hlc } {
  const id = uuidv7();
  const { rev } = writeLocalChange(store, actor, { entity, recordId: id, op: 'create', fields, baseRev: null });
  return { id, rev };
}
