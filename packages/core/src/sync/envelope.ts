import { z } from 'zod';
import { hlcSchema, uuidSchema } from '../schemas/primitives.ts';
import { entityNames } from '../schemas/entities.ts';
import { MAX_PULL_PAGE, MAX_PUSH_BATCH } from './protocol.ts';

export const mutationOps = ['create', 'update', 'delete'] as const;
export type MutationOp = (typeof mutationOps)[number];

/** One change made on a device, as it travels in the outbox and in a push. */
export const mutationSchema = z.object({
  mutationId: uuidSchema,
  deviceId: uuidSchema,
  /** Per device, gapless, starting at 1. */
  seq: z.number().int().positive(),
  entity: z.enum(entityNames as [string, ...string[]]),
  recordId: uuidSchema,
  op: z.enum(mutationOps),
  /** Only the fields this mutation sets (all of them for create). Validated per entity by the receiver. */
  fields: z.record(z.string(), z.unknown()),
  /** The HLC at which each field in `fields` was set. */
  fieldRevs: z.record(z.string(), hlcSchema),
  /** The record's rev this change was made on; null for create. */
  baseRev: hlcSchema.nullable(),
  /** When the person made the change, by the device's clock (ISO 8601). */
  madeAt: z.string().datetime({ offset: true }),
  /** Who made the change (signed in on the device then); older clients leave it out and the pusher is credited. */
  userId: uuidSchema.optional(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  deviceId: uuidSchema,
  mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationRejectionCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'APPEND_ONLY',
  'CLOCK_AHEAD',
  'SCHEMA_VERSION',
  'WRONG_DEVICE',
  'SEQ_GAP',
] as const;
export type MutationRejectionCode = (typeof mutationRejectionCodes)[number];

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({ mutationId: uuidSchema, seq: z.number().int(), status: z.literal('applied'), rev: hlcSchema }),
  z.object({ mutationId: uuidSchema, seq: z.number().int(), status: z.literal('duplicate') }),
  z.object({
    mutationId: uuidSchema,
    seq: z.number().int(),
    status: z.literal('rejected'),
    code: z.enum(mutationRejectionCodes),
    /** For the clinician: what is wrong, never the offending value. */
    message: z.string(),
    path: z.string().nullable(),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(mutationResultSchema),
  serverClock: hlcSchema,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullRequestSchema = z.object({
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  /** The last server sequence number this device has stored; 0 to start. */
  cursor: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(MAX_PULL_PAGE).default(500),
});
export type PullRequest = z.input<typeof pullRequestSchema>;

/** A record's whole current state as the server holds it. */
export const syncedRecordSchema = z.object({
  seq: z.number().int().positive(),
  entity: z.enum(entityNames as [string, ...string[]]),
  id: uuidSchema,
  rev: hlcSchema,
  deleted: z.boolean(),
  fields: z.record(z.string(), z.unknown()),
  fieldRevs: z.record(z.string(), hlcSchema),
  updatedBy: z.object({ userId: uuidSchema, deviceId: uuidSchema }),
});
export type SyncedRecord = z.infer<typeof syncedRecordSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(syncedRecordSchema),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** Changes still waiting after this page: for progress and an estimate. */
  remaining: z.number().int().nonnegative(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
