import { AppError, uuidSchema } from '@eonpro/core';
import { z } from 'zod';
import type { HostRuntime } from '../../hostRuntime.ts';
import type { SyncServerClient } from '../../server/serverConnection.ts';
import { toAppError } from '../../server/serverErrors.ts';
import { adminProcedure, publicProcedure, router } from '../trpc.ts';

/** Administration happens on the server: it needs an online session. */
async function onServer<T>(host: HostRuntime, request: (client: SyncServerClient) => Promise<T>): Promise<T> {
  if (!host.connection.signedIn) {
    throw new AppError('OFFLINE', 'Managing workstations needs the sync server. Sign in while the server can be reached.');
  }
  try {
    return await host.connection.authorized(request);
  } catch (error) {
    throw toAppError(error);
  }
}

/**
 * This workstation's standing with the clinic (waiting for approval, revoked) and, for administrators, every
 * workstation of the clinic: list, approve, revoke.
 */
export const workstationsRouter = router({
  /** Waiting for approval: asks the server again. Answers the new session status. */
  checkApproval: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.host.checkApproval();
    return ctx.host.sessionStatus();
  }),

  /** Leaves the waiting screen for the sign-in screen (someone else signs in); the workstation still waits for approval. */
  leaveWaiting: publicProcedure.mutation(({ ctx }) => {
    ctx.host.standing.pending = null;
    return ctx.host.sessionStatus();
  }),

  /** After a revocation wiped this workstation: start again as a new one (it registers and waits for approval). */
  setUpAgain: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.host.setUpAgain();
    return ctx.host.sessionStatus();
  }),

  list: adminProcedure.query(async ({ ctx }) => {
    const { devices } = await onServer(ctx.host, (client) => client.devices.list.query());
    return { devices, thisDeviceId: ctx.store.deviceId };
  }),

  approve: adminProcedure
    .input(z.object({ deviceId: uuidSchema }))
    .mutation(({ ctx, input }) => onServer(ctx.host, (client) => client.devices.approve.mutate(input))),

  revoke: adminProcedure
    .input(z.object({ deviceId: uuidSchema, reason: z.string().trim().min(3, 'Say why, in a few words (at least 3 characters)').max(200, 'At most 200 characters') }))
    .mutation(({ ctx, input }) => onServer(ctx.host, (client) => client.devices.revoke.mutate(input))),
});
