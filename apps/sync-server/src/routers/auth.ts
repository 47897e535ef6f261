import { uuidSchema } from '@eonpro/core';
import { z } from 'zod';
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
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const session = await signIn(ctx.services, input);
      ctx.log.info({ userId: session.user.id, tenantId: session.user.tenantId, deviceId: input.deviceId }, 'signed in');
      return session;
    }),

  refresh: publicProcedure.input(refreshInput).mutation(({ ctx, input }) => refreshSession(ctx.services, input.refreshToken)),

  signOut: publicProcedure.input(refreshInput).mutation(async ({ ctx, input }) => {
    await signOut(ctx.services, input.refreshToken);
    return { ok: true as const };
  }),
});
