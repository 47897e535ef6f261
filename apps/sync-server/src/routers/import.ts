import { z } from 'zod';
import { importBundle } from '../imports/importBundle.ts';
import { adminProcedure, router } from '../trpc.ts';

export const importRouter = router({
  /** The bundle is checked by the FHIR mapping, which reports every problem with its path. */
  bundle: adminProcedure
    .input(z.object({ fileName: z.string().trim().min(1, 'Required').max(255, 'At most 255 characters'), bundle: z.unknown() }))
    .mutation(async ({ ctx, input }) => {
      const summary = await importBundle(ctx.services, ctx.caller, input.fileName, input.bundle);
      const { fileName: _name, skipped: _skipped, issues, ...counts } = summary;
      ctx.log.info({ tenantId: ctx.caller.tenantId, ...counts, issues: issues.length }, 'bundle imported');
      return summary;
    }),
});
