import type { TRPCResponse } from '@trpc/server/rpc';

/** The one IPC channel between the preload and Electron main; main answers no other. */
export const TRPC_CHANNEL = 'eonpro:trpc';

export interface IpcTrpcRequest {
  type: 'query' | 'mutation';
  /** Procedure path, e.g. `patients.search`. */
  path: string;
  input: unknown;
}

/** tRPC's own response envelope: `{ result: { data } }` or `{ error: shape }` as the host's error formatter made it. */
export type IpcTrpcResponse = TRPCResponse;

/** What the preload exposes to the renderer as `window.eonpro`: one narrow function and nothing else. */
export interface EonproBridge {
  trpc(request: IpcTrpcRequest): Promise<IpcTrpcResponse>;
}
