import { hlcSchema, uuidSchema, type ActorRole } from '@eonpro/core';
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
import { maskIdentifiers, revealIdentifier, revealIdentifierSchema } from '../../local/patientIdentifiers.ts';
import { breakGlassSchema, grantBreakGlass } from '../../access/breakGlass.ts';
import { requireAdminToRestrict } from '../../access/restrictedPatients.ts';
import { router, signedInProcedure } from '../trpc.ts';

export const patientsRouter = router({
  search: signedInProcedure
    .input(z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(MAX_SEARCH_RESULTS).optional() }))
    .query(({ ctx, input }) => searchPatients(ctx.store, input.query, input.limit)),

  get: signedInProcedure.input(z.object({ id: uuidSchema })).query(({ ctx, input }) => {
    ctx.requirePatientAccess(input.id);
    return maskIdentifiers(getPatient(ctx.store, input.id));
  }),

  /** The SSN or driver's licence in full, after an explicit "Show"; recorded as a view of that identifier. */
  revealIdentifier: signedInProcedure.input(revealIdentifierSchema).mutation(({ ctx, input }) => {
    ctx.requirePatientAccess(input.patientId);
    return revealIdentifier(ctx.store, input);
  }),

  register: signedInProcedure.input(patientRegistrationSchema).mutation(({ ctx, input }) => {
    requireAdminToRestrict(ctx.user.role, input, 'register');
    const registered = registerPatient(ctx.store, ctx.actor, input);
    // Whoever restricts a record is looking at it already (and recorded doing so): no reason needed for this session.
    if (input.restricted === true) ctx.host.breakGlass.add(ctx.user.id, registered.id);
    return registered;
  }),

  update: signedInProcedure
    .input(z.object({ id: uuidSchema, baseRev: hlcSchema, changes: patientChangesSchema }))
    .mutation(({ ctx, input }) => {
      ctx.requirePatientAccess(input.id);
      requireAdminToRestrict(ctx.user.role, input.changes, 'update');
      const updated = updatePatient(ctx.store, ctx.actor, input.id, input.baseRev, input.changes);
      if (input.changes.restricted === true) ctx.host.breakGlass.add(ctx.user.id, input.id);
      return updated;
    }),

  /** Opens a restricted patient's record for this user for the rest of the session, with a reason (audited). */
  breakGlass: signedInProcedure.input(breakGlassSchema).mutation(({ ctx, input }) =>
    grantBreakGlass(ctx.store, ctx.host.breakGlass, ctx.actor as { userId: string; role: ActorRole | null }, input),
  ),

  possibleDuplicates: signedInProcedure.input(duplicateCheckSchema).query(({ ctx, input }) => findPossibleDuplicates(ctx.store, input)),
});
