import { z } from 'zod';
import type { IpcTrpcRequest } from '../../preload/bridge.ts';

const procedurePath = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

const ipcTrpcRequestSchema = z.strictObject({
  type: z.enum(['query', 'mutation']),
  path: z.string().max(200).regex(procedurePath),
  input: z.unknown(),
});

/** The request the preload forwards, checked field by field; anything else is refused before it reaches the host. */
export function parseIpcTrpcRequest(payload: unknown): IpcTrpcRequest | null {
  const parsed = ipcTrpcRequestSchema.safeParse(payload);
  return parsed.success ? { type: parsed.data.type, path: parsed.data.path, input: parsed.data.input } : null;
}
