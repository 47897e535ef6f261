import { z } from 'zod';
import { importBundle } from '../imports/importBundle.ts';
import { adminProcedure, router } from '../trpc.ts';

export const importRouter = router({
  /** The bundle is checked by the FHIR mapping, which reports every problem with its path. */
  bundle: adminProcedure
    .input(z.object({ fileName: z.string().trim().min(1, 'Required').max(255, 'At most 255 characters'), bundle: z.unknown() }))
    .mutation(async ({ ctx, input }) => {
      const summary = await importBundle(ctx.services, ctx.caller, input.fileName, input.bundle);
      // Counts only: Synthea file names carry the patient's name.
      ctx.log.info(
        { tenantId: ctx.caller.tenantId, ok: summary.ok, patientsImported: summary.patientsImported, patientsAlreadyPresent: summary.patientsAlreadyPresent, issues: summary.issues.length },
        'bundle imported',
      );
      ctx.audit.note({
        outcome: summary.ok ? 'success' : 'failure',
        detail: { patientsImported: summary.patientsImported, patientsAlreadyPresent: summary.patientsAlreadyPresent, issues: summary.issues.length },
      });
      return summary;
    }),
});
