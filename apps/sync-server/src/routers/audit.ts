import { AppError, deviceChainEntrySchema, uuidSchema, type DeviceChainEntry } from '@eonpro/core';
import { z } from 'zod';
import { deviceHeadOf } from '../audit/auditChainStore.ts';
import { auditCsv } from '../audit/auditCsv.ts';
import { auditFilterFields, auditFiltersSchema, filterShape, readAuditReport, withFilterRules } from '../audit/auditReport.ts';
import { breakGlassReasonUploadSchema, checkBreakGlassReasons, storeBreakGlassReasons } from '../audit/breakGlassReasons.ts';
import { breakGlassReviewFiltersSchema, readBreakGlassReviews } from '../audit/breakGlassReviews.ts';
import { checkpointVerifier, loadPublicKeys } from '../audit/checkpointSignature.ts';
import { checkpointTenant } from '../audit/checkpointTenant.ts';
import { intakeDeviceEntries } from '../audit/intakeDeviceEntries.ts';
import { withTenantSnapshot } from '../audit/tenantSnapshot.ts';
import { verifyBreakGlassReasons } from '../audit/verifyBreakGlassReasons.ts';
import { verifyTenantChain } from '../audit/verifyTenantChain.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { adminProcedure, router, tenantProcedure } from '../trpc.ts';

export const MAX_DEVICE_ENTRIES = 500;
export const MAX_EXPORT_ROWS = 100_000;

/** Reading the audit trail is for administrators and auditors only. */
const auditReaderProcedure = tenantProcedure.use(({ ctx, next }) => {
  if (ctx.caller.role !== 'admin' && ctx.caller.role !== 'auditor') {
    throw new AppError('FORBIDDEN', 'Only administrators and auditors can read the audit trail.');
  }
  return next();
});

/** A device speaks only for itself. */
function requireOwnDevice(callerDeviceId: string, deviceId: string): void {
  if (deviceId !== callerDeviceId) throw new AppError('FORBIDDEN', 'A workstation can only send or read its own audit trail.');
}

// PostgreSQL's JSON refuses NUL and unpaired surrogates (\p{Cs}): a workstation name must be plain, well-formed text.
const storableEntrySchema = deviceChainEntrySchema.refine(
  (entry: DeviceChainEntry) => !/[\p{Cc}\p{Cs}]/u.test(entry.event.device.workstation),
  { message: 'Must be plain text without control characters', path: ['event', 'device', 'workstation'] },
);

const searchInputSchema = withFilterRules(
  z.object({
    ...auditFilterFields,
    /** The seq of the last entry of the page before (from nextCursor). */
    cursor: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  }),
);

export const auditRouter = router({
  pushDeviceEntries: tenantProcedure
    .input(
      z.object({
        deviceId: uuidSchema,
        entries: z.array(storableEntrySchema).min(1).max(MAX_DEVICE_ENTRIES),
        /** The reason of each break-glass entry in `entries` that carries a reason digest. */
        breakGlassReasons: z.array(breakGlassReasonUploadSchema).max(MAX_DEVICE_ENTRIES).default([]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      requireOwnDevice(ctx.caller.deviceId, input.deviceId);
      const sender = { tenantId: ctx.caller.tenantId, deviceId: input.deviceId };
      checkBreakGlassReasons(input.entries, input.breakGlassReasons);
      const intake = await withTenant(ctx.services.db, sender.tenantId, async (tx) => {
        const taken = await intakeDeviceEntries(tx, sender, input.entries);
        await storeBreakGlassReasons(tx, ctx.services.sealer, sender, input.entries, input.breakGlassReasons);
        return taken;
      });
      ctx.log.info({ tenantId: sender.tenantId, deviceId: sender.deviceId, appended: intake.appended, alreadyHeld: intake.alreadyHeld }, 'device audit entries');
      return intake;
    }),

  deviceHead: tenantProcedure.input(z.object({ deviceId: uuidSchema })).query(({ ctx, input }) => {
    requireOwnDevice(ctx.caller.deviceId, input.deviceId);
    return withTenant(ctx.services.db, ctx.caller.tenantId, (tx) => deviceHeadOf(tx, input.deviceId));
  }),

  verify: auditReaderProcedure.input(z.object({}).default({})).query(async ({ ctx }) => {
    const verifySignature = checkpointVerifier(await loadPublicKeys(ctx.services.db));
    const { tenantId } = ctx.caller;
    const result = await withTenantSnapshot(ctx.services.db, tenantId, async (tx) => {
      const chain = await verifyTenantChain(tx, verifySignature);
      // Only a sound chain vouches for the digests the reasons are checked against.
      return chain.ok ? ((await verifyBreakGlassReasons(tx, ctx.services.sealer, tenantId)) ?? chain) : chain;
    });
    ctx.audit.note({ detail: result.ok ? { intact: true, length: result.length } : { intact: false, brokenAt: result.seq, reason: result.reason } });
    return result;
  }),

  checkpoint: adminProcedure.input(z.object({}).default({})).mutation(({ ctx }) =>
    checkpointTenant(ctx.services, ctx.caller.tenantId, ctx.caller),
  ),

  search: auditReaderProcedure.input(searchInputSchema).query(async ({ ctx, input }) => {
    const { cursor, limit, ...filters } = input;
    const entries = await withTenant(ctx.services.db, ctx.caller.tenantId, (tx) =>
      readAuditReport(tx, filters, { cursor, limit: limit + 1, order: 'newest-first' }),
    );
    const page = entries.slice(0, limit);
    ctx.audit.note({ patientId: filters.patientId ?? null, detail: { ...filterShape(filters), rows: page.length } });
    return { entries: page, nextCursor: entries.length > limit ? page.at(-1)!.seq : null };
  }),

  breakGlassReviews: auditReaderProcedure.input(breakGlassReviewFiltersSchema).query(async ({ ctx, input }) => {
    const { cursor, limit, ...filters } = input;
    const reviews = await withTenant(ctx.services.db, ctx.caller.tenantId, (tx) =>
      readBreakGlassReviews(tx, ctx.services.sealer, ctx.caller.tenantId, filters, { cursor, limit: limit + 1 }),
    );
    const page = reviews.slice(0, limit);
    const unproven = page.filter((review) => review.reasonCheck !== 'matches' && review.reasonCheck !== 'none').length;
    ctx.audit.note({ patientId: filters.patientId ?? null, detail: { ...filterShape({ ...filters, action: 'break-glass' }), rows: page.length, unproven } });
    return { entries: page, nextCursor: reviews.length > limit ? page.at(-1)!.seq : null };
  }),

  exportCsv: auditReaderProcedure.input(auditFiltersSchema).query(async ({ ctx, input: filters }) => {
    const rows = await withTenant(ctx.services.db, ctx.caller.tenantId, (tx) =>
      readAuditReport(tx, filters, { limit: MAX_EXPORT_ROWS + 1, order: 'oldest-first' }),
    );
    if (rows.length > MAX_EXPORT_ROWS) {
      throw new AppError('VALIDATION', `The export would hold more than ${MAX_EXPORT_ROWS.toLocaleString('en-US')} entries. Choose a shorter date range.`, [
        { path: 'from', message: 'Choose a shorter date range' },
      ]);
    }
    ctx.audit.note({ patientId: filters.patientId ?? null, detail: { ...filterShape(filters), rows: rows.length } });
    return { fileName: `audit-trail-${new Date().toISOString().replaceAll(':', '-')}.csv`, csv: auditCsv(rows) };
  }),
});
