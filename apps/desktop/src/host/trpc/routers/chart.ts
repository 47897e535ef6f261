import { uuidSchema } from '@eonpro/core';
import { z } from 'zod';
import { fhirExport } from '../../local/chartExport.ts';
import { printableChart } from '../../local/chartPrint.ts';
import { chartSummary } from '../../local/chartSummary.ts';
import { maskIdentifiers } from '../../local/patientIdentifiers.ts';
import { router, signedInProcedure } from '../trpc.ts';

export const chartRouter = router({
  summary: signedInProcedure.input(z.object({ patientId: uuidSchema })).query(({ ctx, input }) => {
    ctx.requirePatientAccess(input.patientId);
    const chart = chartSummary(ctx.store, input.patientId);
    return { ...chart, patient: maskIdentifiers(chart.patient) };
  }),
  /** Called before the app prints the chart: the print is recorded, then the chart to print is answered. */
  print: signedInProcedure.input(z.object({ patientId: uuidSchema })).mutation(({ ctx, input }) => {
    ctx.requirePatientAccess(input.patientId);
    const printable = printableChart(ctx.store, input.patientId, ctx.user);
    return { ...printable, chart: { ...printable.chart, patient: maskIdentifiers(printable.chart.patient) } };
  }),
  exportFhir: signedInProcedure.input(z.object({ patientId: uuidSchema })).mutation(({ ctx, input }) => {
    ctx.requirePatientAccess(input.patientId);
    return fhirExport(ctx.store, input.patientId);
  }),
});
