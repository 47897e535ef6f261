import { pullRequestSchema, pushRequestSchema } from '@eonpro/core';
import { pullChanges } from '../sync/pull.ts';
import { pushChanges } from '../sync/push.ts';
import { clinicalWriterProcedure, router, tenantProcedure } from '../trpc.ts';

export const syncRouter = router({
  push: clinicalWriterProcedure.input(pushRequestSchema).mutation(async ({ ctx, input }) => {
    const response = await pushChanges(ctx.services, ctx.caller, input);
    const counts = { applied: 0, duplicate: 0, rejected: 0 };
    for (const result of response.results) counts[result.status] += 1;
    ctx.audit.note({ detail: { mutations: response.results.length, ...counts } });
    ctx.log.info({ tenantId: ctx.caller.tenantId, deviceId: ctx.caller.deviceId, ...counts }, 'push');
    ctx.services.metrics.recordPush(ctx.caller.tenantId, ctx.caller.deviceId, response.results);
    return response;
  }),

  pull: tenantProcedure.input(pullRequestSchema).query(async ({ ctx, input }) => {
    const response = await pullChanges(ctx.services, ctx.caller, input);
    ctx.audit.note({ detail: { records: response.changes.length, remaining: response.remaining } });
    ctx.log.info({ tenantId: ctx.caller.tenantId, deviceId: ctx.caller.deviceId, changeCount: response.changes.length, remaining: response.remaining }, 'pull');
    ctx.services.metrics.recordPull(ctx.caller.tenantId, ctx.caller.deviceId, response.cursor);
    return response;
  }),
});
