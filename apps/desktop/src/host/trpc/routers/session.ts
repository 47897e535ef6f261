import { z } from 'zod';
import { setupClinicSchema, signInSchema } from '../../session/sessionManager.ts';
import { publicProcedure, router } from '../trpc.ts';

export const sessionRouter = router({
  status: publicProcedure.query(({ ctx }) => ctx.host.sessionStatus()),

  unlockWorkstation: publicProcedure
    .input(z.object({ passphrase: z.string().min(1, 'Required').max(1024) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.host.unlockWorkstation(input.passphrase);
      return ctx.host.sessionStatus();
    }),

  setupClinic: publicProcedure.input(setupClinicSchema).mutation(async ({ ctx, input }) => {
    await ctx.host.session.setupClinic(ctx.host.requireStore(), input);
    ctx.host.syncSoon();
    return ctx.host.sessionStatus();
  }),

  signIn: publicProcedure.input(signInSchema).mutation(async ({ ctx, input }) => {
    await ctx.host.session.signIn(ctx.host.requireStore(), input);
    ctx.host.syncSoon();
    return ctx.host.sessionStatus();
  }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.host.session.signOut();
    return ctx.host.sessionStatus();
  }),
});
