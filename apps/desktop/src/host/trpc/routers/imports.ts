import { z } from 'zod';
import { importBundle } from '../../local/importBundle.ts';
import { adminProcedure, router } from '../trpc.ts';

export const importsRouter = router({
  /** A FHIR R4 bundle read from a file; the answer is the ImportSummary the app shows for that file. */
  bundle: adminProcedure
    .input(z.object({ fileName: z.string().trim().min(1, 'Required').max(255), bundle: z.unknown() }))
    .mutation(({ ctx, input }) => importBundle(ctx.store, ctx.actor, input.fileName, input.bundle)),
});
