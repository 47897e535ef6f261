import type { IpcTrpcRequest, IpcTrpcResponse } from '../../preload/bridge.ts';
import type { HostAnswerMessage, HostCallMessage } from '../utility/hostMessages.ts';
import { ipcErrorResponse } from './errorResponse.ts';
import type { MessagePortLike } from './messagePort.ts';

export const HOST_STOPPED_MESSAGE =
  'The local clinic service has stopped. Close EONPro Clinic and open it again; everything saved so far is kept.';

/** Main's side of the tRPC MessagePort: sends each call to the host and matches answers to calls by id. */
export class HostConnection {
  readonly #port: MessagePortLike;
  readonly #waiting = new Map<number, { path: string; resolve: (response: IpcTrpcResponse) => void }>();
  #nextId = 1;
  #stopped = false;

  constructor(port: MessagePortLike) {
    this.#port = port;
    port.onMessage((data) => this.#settle(data));
  }

  call(request: IpcTrpcRequest): Promise<IpcTrpcResponse> {
    if (this.#stopped) return Promise.resolve(ipcErrorResponse('INTERNAL_SERVER_ERROR', HOST_STOPPED_MESSAGE, request.path));
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#waiting.set(id, { path: request.path, resolve });
      this.#port.postMessage({ id, request } satisfies HostCallMessage);
    });
  }

  /** The host process ended: every waiting and later call is answered with an error rather than left hanging. */
  hostStopped(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const { path, resolve } of this.#waiting.values()) {
      resolve(ipcErrorResponse('INTERNAL_SERVER_ERROR', HOST_STOPPED_MESSAGE, path));
    }
    this.#waiting.clear();
    this.#port.close();
  }

  #settle(data: unknown): void {
    if (!isAnswer(data)) return;
    const waiting = this.#waiting.get(data.id);
    if (!waiting) return;
    this.#waiting.delete(data.id);
    waiting.resolve(data.response);
  }
}

function isAnswer(data: unknown): data is HostAnswerMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as HostAnswerMessage).id === 'number' &&
    typeof (data as HostAnswerMessage).response === 'object'
  );
}
