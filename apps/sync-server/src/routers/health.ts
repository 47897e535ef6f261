import { SUPPORTED_PROTOCOL_VERSIONS, SYNC_SCHEMA_VERSION } from '@eonpro/core';
import { publicProcedure } from '../trpc.ts';

export const healthProcedure = publicProcedure.query(() => ({
  ok: true as const,
  protocolVersions: [...SUPPORTED_PROTOCOL_VERSIONS] as number[],
  schemaVersion: SYNC_SCHEMA_VERSION,
}));
