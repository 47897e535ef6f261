import { amendEntry, amendEntrySchemas, recordEntry, recordEntrySchemas, type RecordableEntity } from '../../local/clinicalEntries.ts';
import { readEntryPatientId } from '../../db/readers.ts';
import { router, signedInProcedure } from '../trpc.ts';

/** `record` adds an entry; `amend` corrects one by adding a new entry that replaces it (append-only). */
function entryRouter<E extends RecordableEntity>(entity: E) {
  return router({
    record: signedInProcedure.input(recordEntrySchemas[entity]).mutation(({ ctx, input }) => {
      ctx.requirePatientAccess(input.patientId);
      return recordEntry(ctx.store, ctx.actor, entity, input);
    }),
    amend: signedInProcedure.input(amendEntrySchemas[entity]).mutation(({ ctx, input }) => {
      const patientId = readEntryPatientId(ctx.store.db, entity, input.amendsId);
      if (patientId) ctx.requirePatientAccess(patientId);
      return amendEntry(ctx.store, ctx.actor, entity, input);
    }),
  });
}

export const allergiesRouter = entryRouter('allergy');
export const conditionsRouter = entryRouter('condition');
