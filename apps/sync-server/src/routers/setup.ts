import { z } from 'zod';
import { emailSchema, passwordSchema, personNameSchema } from '../auth/users.ts';
import { createClinic } from '../tenancy/createClinic.ts';
import { anyTenantExists } from '../tenancy/tenants.ts';
import { publicProcedure, router } from '../trpc.ts';

/** First run: the server has no clinic until someone creates one and becomes its admin. */
export const setupRouter = router({
  status: publicProcedure.query(async ({ ctx }) => ({ needsSetup: !(await anyTenantExists(ctx.services.db)) })),

  createClinic: publicProcedure
    .input(z.object({ clinicName: personNameSchema, adminName: personNameSchema, email: emailSchema, password: passwordSchema }))
    .mutation(async ({ ctx, input }) => {
      const created = await createClinic(ctx.services.db, input, { onlyIfFirst: true });
      ctx.log.info({ tenantId: created.tenantId, userId: created.userId }, 'clinic created');
      return created;
    }),
});
