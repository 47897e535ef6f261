import { z } from 'zod';
import { onServerAsAdmin } from '../../server/onlineAdministration.ts';
import { adminProcedure, router } from '../trpc.ts';

const REVIEWING = 'Reviewing break-glass access';
const MAX_REVIEWS = 500;

const dateSchema = z.iso.date({ message: 'A date like 2024-05-17' }).optional();

/** A calendar day on this workstation, as the instant it starts. */
function startOfLocalDay(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString();
}

function startOfNextLocalDay(date: string): string {
  const day = new Date(`${date}T00:00:00`);
  day.setDate(day.getDate() + 1);
  return day.toISOString();
}

/**
 * The clinic's audit trail as administrators review it here (audit.* on the sync server, which checks the role again
 * and records each reading). Online only, like the rest of Administration.
 */
export const auditReviewRouter = router({
  /**
   * Break-glass accesses from `from` to `to` (whole days on this workstation, both included), newest first, each with
   * its reason as the server opened it and checked it against the audit chain, and who it was.
   */
  breakGlass: adminProcedure
    .input(
      z
        .object({ from: dateSchema, to: dateSchema })
        .refine((range) => !range.from || !range.to || range.from <= range.to, { message: 'Must be on or after the start date', path: ['to'] }),
    )
    .query(async ({ ctx, input }) => {
      const range = { ...(input.from ? { from: startOfLocalDay(input.from) } : {}), ...(input.to ? { to: startOfNextLocalDay(input.to) } : {}) };
      const [{ entries }, users] = await onServerAsAdmin(ctx.host, REVIEWING, (client) =>
        Promise.all([client.audit.breakGlassReviews.query({ ...range, limit: MAX_REVIEWS }), client.users.list.query()]),
      );
      const names = new Map(users.map((user) => [user.id, user.name]));
      return {
        reviews: entries.map((entry) => ({
          id: entry.id,
          occurredAt: entry.occurredAt,
          userName: entry.userId ? (names.get(entry.userId) ?? null) : null,
          role: entry.role,
          workstation: entry.workstation,
          patientId: entry.patientId,
          outcome: entry.outcome,
          category: entry.category,
          reasonText: entry.reasonText,
          reasonCheck: entry.reasonCheck,
        })),
        /** Whether older entries were left out (more than MAX_REVIEWS matched). */
        more: entries.length === MAX_REVIEWS,
      };
    }),
});
