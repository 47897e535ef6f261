import { AppError, uuidSchema } from '@eonpro/core';
import { z } from 'zod';
import { roles } from '../auth/roles.ts';
import { emailSchema, passwordSchema, personNameSchema } from '../auth/users.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { adminProcedure, router, tenantProcedure } from '../trpc.ts';
import { createStaffUser } from '../users/createStaffUser.ts';
import { setStaffActive } from '../users/setStaffActive.ts';
import { setStaffRole } from '../users/setStaffRole.ts';
import { findStaffAccount, listStaffAccounts } from '../users/staffAccounts.ts';

const roleSchema = z.enum(roles, { message: 'Must be front_desk, nurse, prescriber, admin or auditor' });

/** The clinic's user accounts: administrators manage them; everyone may read their own. */
export const usersRouter = router({
  me: tenantProcedure.query(async ({ ctx }) => {
    const me = await withTenant(ctx.services.db, ctx.caller.tenantId, (tx) => findStaffAccount(tx, ctx.caller.userId));
    if (!me) throw new AppError('UNAUTHORIZED', 'Your account is no longer active. Ask the clinic administrator.');
    return me;
  }),

  list: adminProcedure.query(async ({ ctx }) => {
    const users = await withTenant(ctx.services.db, ctx.caller.tenantId, (tx) => listStaffAccounts(tx));
    ctx.audit.note({ detail: { rows: users.length } });
    return users;
  }),

  /** The temporary password is told to the new user in person; the password policy applies to it. */
  create: adminProcedure
    .input(z.object({ name: personNameSchema, email: emailSchema, role: roleSchema, password: passwordSchema }))
    .mutation(async ({ ctx, input }) => {
      const user = await createStaffUser(ctx.services.db, ctx.caller, input);
      ctx.log.info({ tenantId: ctx.caller.tenantId, userId: user.id, role: user.role }, 'user created');
      return user;
    }),

  setRole: adminProcedure.input(z.object({ userId: uuidSchema, role: roleSchema })).mutation(async ({ ctx, input }) => {
    const user = await setStaffRole(ctx.services.db, ctx.caller, input.userId, input.role);
    ctx.log.info({ tenantId: ctx.caller.tenantId, userId: user.id, role: user.role }, 'user role set');
    return user;
  }),

  setActive: adminProcedure.input(z.object({ userId: uuidSchema, active: z.boolean() })).mutation(async ({ ctx, input }) => {
    const user = await setStaffActive(ctx.services.db, ctx.caller, input.userId, input.active);
    ctx.log.info({ tenantId: ctx.caller.tenantId, userId: user.id, active: user.active }, 'user active set');
    return user;
  }),
});
