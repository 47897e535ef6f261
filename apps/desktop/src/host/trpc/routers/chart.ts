import { uuidSchema } from '@eonpro/core';
import { z } from 'zod';
import { fhirExport } from '../../local/chartExport.ts';
import { printableChart } from '../../local/chartPrint.ts';
import { chartSummary } from '../../local/chartSummary.ts';
import { router, signedInProcedure } from '../trpc.ts';

export const chartRouter = router({
  summary: signedInProcedure.input(z.object({ patientId: uuidSchema })).query(({ ctx, input }) => {
    ctx.requirePatientAccess(input.patientId);
    return chartSummary(ctx.store, input.patientId);
  }),
  /** Called before the app prints the chart: the print is recorded, then the chart to print is answered. */
  print: signedInProcedure.input(z.object({ patientId: uuidSchema })).mutation(({ ctx, input }) => {
    ctx.requirePatientAccess(input.patientId);
    return printableChart(ctx.store, input.patientId, ctx.user);
  }),
  exportFhir: signedInProcedure.input(z.object({ patientId: uuidSchema })).mutation(({ ctx, input }) => {
    ctx.requirePatientAccess(input.patientId);
    return fhirExport(ctx.store, input.patientId);
  }),
});
