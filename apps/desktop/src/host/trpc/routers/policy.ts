import { z } from 'zod';
import { toAppError } from '../../server/serverErrors.ts';
import { adminProcedure, router, signedInProcedure } from '../trpc.ts';

export const policyRouter = router({
  /** The clinic's policy as this workstation applies it (last received from the server). */
  get: signedInProcedure.query(({ ctx }) => ({ idleLockMinutes: ctx.host.idleLockMinutes() })),

  /** Changes the clinic's policy on the server (online only), then applies it here at once. */
  update: adminProcedure
    .input(z.object({ idleLockMinutes: z.number().int().min(1, 'At least 1 minute').max(60, 'At most 60 minutes') }))
    .mutation(async ({ ctx, input }) => {
      try {
        await ctx.host.connection.authorized((client) => client.policy.update.mutate(input));
      } catch (error) {
        throw toAppError(error);
      }
      ctx.host.applyIdleLockMinutes(input.idleLockMinutes);
      return { idleLockMinutes: ctx.host.idleLockMinutes() };
    }),
});
