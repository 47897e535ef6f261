import { callTRPCProcedure, getErrorShape, getTRPCErrorFromUnknown, type AnyRouter } from '@trpc/server';
import type { IpcTrpcRequest, IpcTrpcResponse } from '../../preload/bridge.ts';
import { ipcErrorResponse } from '../ipc/errorResponse.ts';
import type { MessagePortLike } from '../ipc/messagePort.ts';
import type { HostAnswerMessage, HostCallMessage } from './hostMessages.ts';

export interface ServedRouter {
  router: AnyRouter;
  createContext(): unknown;
}

/** What a failed call reports for logging: the procedure and the tRPC code, never input or message text. */
export interface CallFailure {
  path: string;
  code: string;
}

/**
 * The host's side of the tRPC MessagePort: each call runs through the router like an HTTP request would
 * (context, middleware, input parsing), and errors go back in the shape the router's error formatter makes.
 */
export function serveTrpcOverPort(port: MessagePortLike, served: ServedRouter, onFailure: (failure: CallFailure) => void): void {
  port.onMessage((data) => {
    if (!isCall(data)) return;
    void answer(served, data.request, onFailure).then((response) => reply(port, data.id, data.request.path, response));
  });
}

async function answer(served: ServedRouter, request: IpcTrpcRequest, onFailure: (failure: CallFailure) => void): Promise<IpcTrpcResponse> {
  const { type, path, input } = request;
  let ctx: unknown;
  try {
    ctx = await served.createContext();
    const data: unknown = await callTRPCProcedure({
      router: served.router,
      ctx,
      type,
      path,
      input,
      getRawInput: async () => input,
      signal: undefined,
      batchIndex: 0,
    });
    return { result: { data } };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    onFailure({ path, code: error.code });
    return { error: getErrorShape({ config: served.router._def._config, error, type, path, input, ctx }) };
  }
}

function reply(port: MessagePortLike, id: number, path: string, response: IpcTrpcResponse): void {
  try {
    port.postMessage({ id, response } satisfies HostAnswerMessage);
  } catch {
    // The answer held something that cannot cross a process boundary (e.g. a function); say so instead of hanging.
    const failed = ipcErrorResponse('INTERNAL_SERVER_ERROR', 'The answer could not be sent to the app window.', path);
    port.postMessage({ id, response: failed } satisfies HostAnswerMessage);
  }
}

function isCall(data: unknown): data is HostCallMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { id, request } = data as Partial<HostCallMessage>;
  return typeof id === 'number' && typeof request === 'object' && request !== null;
}
