import { withTenant } from '../tenancy/tenantScope.ts';
import { readTenantPolicy, tenantPolicyUpdateSchema, updateTenantPolicy } from '../policy/tenantPolicy.ts';
import { adminProcedure, router, tenantProcedure } from '../trpc.ts';

/** The clinic's security policy: every signed-in user's workstation reads it; administrators change it. */
export const policyRouter = router({
  get: tenantProcedure.query(({ ctx }) => withTenant(ctx.services.db, ctx.caller.tenantId, (tx) => readTenantPolicy(tx))),

  update: adminProcedure.input(tenantPolicyUpdateSchema).mutation(async ({ ctx, input }) => {
    const policy = await updateTenantPolicy(ctx.services.db, ctx.caller, input);
    ctx.log.info({ tenantId: ctx.caller.tenantId, idleLockMinutes: policy.idleLockMinutes }, 'tenant policy changed');
    return policy;
  }),
});
