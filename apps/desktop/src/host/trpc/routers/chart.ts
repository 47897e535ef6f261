import { uuidSchema } from '@eonpro/core';
import { z } from 'zod';
import { chartSummary } from '../../local/chartSummary.ts';
import { router, signedInProcedure } from '../trpc.ts';

export const chartRouter = router({
  summary: signedInProcedure.input(z.object({ patientId: uuidSchema })).query(({ ctx, input }) => {
    ctx.requirePatientAccess(input.patientId);
    return chartSummary(ctx.store, input.patientId);
  }),
});
