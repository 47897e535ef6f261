import { uuidSchema } from '@eonpro/core';
import { z } from 'zod';
import { router, signedInProcedure } from '../trpc.ts';

export const syncRouter = router({
  status: signedInProcedure.query(({ ctx }) => ctx.sync.status()),
  now: signedInProcedure.mutation(({ ctx }) => ctx.sync.syncNow()),
  dismissRejected: signedInProcedure.input(z.object({ mutationId: uuidSchema })).mutation(({ ctx, input }) => {
    ctx.sync.dismissRejected(input.mutationId);
    return ctx.sync.status();
  }),
});
