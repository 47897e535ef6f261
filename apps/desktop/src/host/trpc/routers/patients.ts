import { hlcSchema, uuidSchema } from '@eonpro/core';
import { z } from 'zod';
import { MAX_SEARCH_RESULTS, searchPatients } from '../../local/patientSearch.ts';
import {
  duplicateCheckSchema,
  findPossibleDuplicates,
  getPatient,
  patientChangesSchema,
  patientRegistrationSchema,
  registerPatient,
  updatePatient,
} from '../../local/patients.ts';
import { router, signedInProcedure } from '../trpc.ts';

export const patientsRouter = router({
  search: signedInProcedure
    .input(z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(MAX_SEARCH_RESULTS).optional() }))
    .query(({ ctx, input }) => searchPatients(ctx.store, input.query, input.limit)),

  get: signedInProcedure.input(z.object({ id: uuidSchema })).query(({ ctx, input }) => getPatient(ctx.store, input.id)),

  register: signedInProcedure.input(patientRegistrationSchema).mutation(({ ctx, input }) => registerPatient(ctx.store, ctx.actor, input)),

  update: signedInProcedure
    .input(z.object({ id: uuidSchema, baseRev: hlcSchema, changes: patientChangesSchema }))
    .mutation(({ ctx, input }) => updatePatient(ctx.store, ctx.actor, input.id, input.baseRev, input.changes)),

  possibleDuplicates: signedInProcedure.input(duplicateCheckSchema).query(({ ctx, input }) => findPossibleDuplicates(ctx.store, input)),
});
