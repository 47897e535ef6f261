import { uuidSchema } from '@eonpro/core';
import { z } from 'zod';
import { onServerAsAdmin } from '../../server/onlineAdministration.ts';
import { adminProcedure, router } from '../trpc.ts';

const MANAGING_USERS = 'Managing users';
const roleSchema = z.enum(['front_desk', 'nurse', 'prescriber', 'admin', 'auditor'], { message: 'Choose a role' });

/**
 * The clinic's user accounts, for administrators: each call goes to the sync server (users.*), which checks the
 * role again, applies the password policy and records every change in the clinic's audit trail.
 */
export const adminUsersRouter = router({
  list: adminProcedure.query(async ({ ctx }) => ({
    users: await onServerAsAdmin(ctx.host, MANAGING_USERS, (client) => client.users.list.query()),
    currentUserId: ctx.user.id,
  })),

  create: adminProcedure
    .input(
      z.object({
        name: z.string().trim().min(1, 'Required').max(200, 'At most 200 characters'),
        email: z.string().trim().min(1, 'Required').max(200, 'At most 200 characters'),
        role: roleSchema,
        password: z.string().min(1, 'Required').max(200, 'At most 200 characters'),
      }),
    )
    .mutation(({ ctx, input }) => onServerAsAdmin(ctx.host, MANAGING_USERS, (client) => client.users.create.mutate(input))),

  setRole: adminProcedure
    .input(z.object({ userId: uuidSchema, role: roleSchema }))
    .mutation(({ ctx, input }) => onServerAsAdmin(ctx.host, MANAGING_USERS, (client) => client.users.setRole.mutate(input))),

  setActive: adminProcedure
    .input(z.object({ userId: uuidSchema, active: z.boolean() }))
    .mutation(({ ctx, input }) => onServerAsAdmin(ctx.host, MANAGING_USERS, (client) => client.users.setActive.mutate(input))),

  /** Removes another user's authenticator and recovery codes (a lost phone) and signs them out everywhere (mfa.reset). */
  resetMfa: adminProcedure
    .input(z.object({ userId: uuidSchema }))
    .mutation(({ ctx, input }) => onServerAsAdmin(ctx.host, MANAGING_USERS, (client) => client.mfa.reset.mutate(input))),
});
