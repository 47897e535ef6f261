import { z } from 'zod';
import { secondFactorSchema, setupClinicSchema, signInSchema } from '../../session/sessionManager.ts';
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
    await ctx.host.signIn(input);
    ctx.host.syncSoon();
    return ctx.host.sessionStatus();
  }),

  /** The second step of a sign-in: `{ code }` from the authenticator app, or `{ recoveryCode }`. */
  completeMfa: publicProcedure.input(secondFactorSchema).mutation(async ({ ctx, input }) => {
    await ctx.host.completeMfa(input);
    ctx.host.syncSoon();
    return ctx.host.sessionStatus();
  }),

  /** Setting up the authenticator at sign-in: the QR code's otpauth:// URI and the secret for typing in by hand. */
  beginMfaEnrolment: publicProcedure.mutation(({ ctx }) => ctx.host.session.beginMfaEnrolment()),

  /** A first code from the new authenticator: signed in; the recovery codes are in this answer only. */
  confirmMfaEnrolment: publicProcedure.input(z.object({ code: z.string().trim().min(1, 'Required').max(20) })).mutation(async ({ ctx, input }) => {
    const recoveryCodes = await ctx.host.confirmMfaEnrolment(input.code);
    ctx.host.syncSoon();
    return { status: await ctx.host.sessionStatus(), recoveryCodes };
  }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.host.signOut();
    return ctx.host.sessionStatus();
  }),

  /** The renderer reports that the person is active (throttled); keeps the idle lock away. */
  activity: publicProcedure.mutation(({ ctx }) => {
    ctx.host.reportActivity();
  }),

  /** Locks the session now, as the idle lock would. */
  lock: publicProcedure.mutation(({ ctx }) => {
    ctx.host.lockSession('requested');
    return ctx.host.sessionStatus();
  }),

  unlock: publicProcedure
    .input(z.object({ password: z.string().min(1, 'Required').max(1024) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.host.unlockSession(input.password);
      return ctx.host.sessionStatus();
    }),
});
