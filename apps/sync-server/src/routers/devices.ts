import { deviceProofSchema, uuidSchema } from '@eonpro/core';
import { z } from 'zod';
import { registrationStatus } from '../devices/registrationStatus.ts';
import { approveWorkstation, listWorkstations, revokeWorkstation } from '../devices/workstationAdministration.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { adminProcedure, publicProcedure, router } from '../trpc.ts';

const revocationReasonSchema = z
  .string()
  .trim()
  .min(3, 'Say why, in a few words (at least 3 characters)')
  .max(200, 'At most 200 characters');

/** Workstations: administrators approve and revoke them; a waiting workstation asks whether it was approved. */
export const devicesRouter = router({
  list: adminProcedure.query(async ({ ctx }) => {
    const devices = await withTenant(ctx.services.db, ctx.caller.tenantId, (tx) => listWorkstations(tx));
    ctx.audit.note({ detail: { rows: devices.length } });
    return { devices };
  }),

  approve: adminProcedure.input(z.object({ deviceId: uuidSchema })).mutation(async ({ ctx, input }) => {
    const device = await approveWorkstation(ctx.services.db, ctx.caller, input.deviceId);
    ctx.log.info({ tenantId: ctx.caller.tenantId, deviceId: device.id }, 'workstation approved');
    return device;
  }),

  revoke: adminProcedure.input(z.object({ deviceId: uuidSchema, reason: revocationReasonSchema })).mutation(async ({ ctx, input }) => {
    const device = await revokeWorkstation(ctx.services.db, ctx.caller, input);
    ctx.log.info({ tenantId: ctx.caller.tenantId, deviceId: device.id }, 'workstation revoked');
    return device;
  }),

  registrationStatus: publicProcedure
    .input(z.object({ tenantId: uuidSchema, deviceId: uuidSchema, deviceProof: deviceProofSchema }))
    .query(({ ctx, input }) => registrationStatus(ctx.services.db, input, { audience: ctx.services.publicUrl ?? null, nowMs: Date.now() })),
});
