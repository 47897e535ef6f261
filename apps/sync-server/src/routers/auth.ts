import { deviceProofSchema, devicePublicKeySchema, uuidSchema } from '@eonpro/core';
import { z } from 'zod';
import { completeMfa } from '../auth/mfa/completeMfa.ts';
import { beginMfaEnrolment, confirmMfaEnrolment } from '../auth/mfa/enrolAtSignIn.ts';
import { challengeTokenSchema, secondFactorSchema, totpCodeSchema } from '../auth/mfa/mfaInput.ts';
import { refreshSession, signIn, signOut } from '../auth/session.ts';
import { emailSchema } from '../auth/users.ts';
import { publicProcedure, router } from '../trpc.ts';

const refreshInput = z.object({ refreshToken: z.string().min(1).max(200) });

export const authRouter = router({
  signIn: publicProcedure
    .input(
      z.object({
        email: emailSchema,
        // Not held to the password rules here: a wrong password gets the same answer whatever its length.
        password: z.string().min(1, 'Required').max(200),
        deviceId: uuidSchema,
        deviceName: z.string().trim().min(1, 'Required').max(200),
        // Checked only once the password is: a sign-in without them is refused then (see session.ts).
        devicePublicKey: devicePublicKeySchema.optional(),
        deviceProof: deviceProofSchema.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const answer = await signIn(ctx.services, input);
      if (answer.status === 'signed-in') ctx.log.info({ userId: answer.user.id, tenantId: answer.user.tenantId, deviceId: input.deviceId }, 'signed in');
      else ctx.log.info({ status: answer.status, deviceId: input.deviceId }, 'password accepted, second step next');
      return answer;
    }),

  /** The second step of a sign-in: a 6-digit code from the authenticator, or one recovery code. */
  completeMfa: publicProcedure.input(secondFactorSchema).mutation(async ({ ctx, input }) => {
    const session = await completeMfa(ctx.services, input);
    ctx.log.info({ userId: session.user.id, tenantId: session.user.tenantId, secondStep: 'passed' }, 'signed in');
    return session;
  }),

  /** For a role that requires two-step sign-in, set up at sign-in: the QR code's URI and the secret. */
  beginMfaEnrolment: publicProcedure.input(z.object({ challengeToken: challengeTokenSchema })).mutation(({ ctx, input }) => beginMfaEnrolment(ctx.services, input.challengeToken)),

  confirmMfaEnrolment: publicProcedure
    .input(z.object({ challengeToken: challengeTokenSchema, code: totpCodeSchema }))
    .mutation(async ({ ctx, input }) => {
      const enrolled = await confirmMfaEnrolment(ctx.services, input);
      ctx.log.info({ userId: enrolled.session.user.id, tenantId: enrolled.session.user.tenantId, secondStep: 'set up' }, 'signed in');
      return enrolled;
    }),

  refresh: publicProcedure
    .input(refreshInput.extend({ deviceProof: deviceProofSchema.optional() }))
    .mutation(({ ctx, input }) => refreshSession(ctx.services, input.refreshToken, input.deviceProof)),

  signOut: publicProcedure.input(refreshInput).mutation(async ({ ctx, input }) => {
    await signOut(ctx.services, input.refreshToken);
    return { ok: true as const };
  }),
});
