import { uuidSchema } from '@eonpro/core';
import { z } from 'zod';
import { beginEnrolment, confirmEnrolment } from '../auth/mfa/enrolWhenSignedIn.ts';
import { totpCodeSchema } from '../auth/mfa/mfaInput.ts';
import { mfaStatus } from '../auth/mfa/mfaStatus.ts';
import { resetMfa } from '../auth/mfa/resetMfa.ts';
import { adminProcedure, router, tenantProcedure } from '../trpc.ts';

/** Two-step sign-in for the signed-in user (any role), and its reset by an administrator. */
export const mfaRouter = router({
  status: tenantProcedure.query(({ ctx }) => mfaStatus(ctx.services.db, ctx.caller)),

  beginEnrolment: tenantProcedure.mutation(({ ctx }) => beginEnrolment(ctx.services, ctx.caller)),

  confirmEnrolment: tenantProcedure.input(z.object({ code: totpCodeSchema })).mutation(({ ctx, input }) => confirmEnrolment(ctx.services, ctx.caller, input.code)),

  reset: adminProcedure.input(z.object({ userId: uuidSchema })).mutation(async ({ ctx, input }) => {
    const reset = await resetMfa(ctx.services.db, ctx.caller, input.userId);
    return { ok: true as const, hadFactor: reset.hadFactor };
  }),
});
