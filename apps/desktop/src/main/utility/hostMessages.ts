// Messages between Electron main and the host utility process. Both ends are our own code, built together.
import type { IpcTrpcRequest, IpcTrpcResponse } from '../../preload/bridge.ts';

/** main → host, on the utility process's parent port, carrying the MessagePort for tRPC calls. */
export interface HostStartMessage {
  type: 'start';
  dataDir: string;
  serverUrl: string;
  /** The unwrapped SQLCipher key when safeStorage holds it; absent → the host picks its own key provider. */
  databaseKey?: Uint8Array;
}

export interface HostStopMessage {
  type: 'stop';
}

/** host → main, on the parent port. `message` is written for a clinician and never carries PHI. */
export type HostStatusMessage = { type: 'ready' } | { type: 'failed'; message: string };

/** main → host on the tRPC MessagePort. */
export interface HostCallMessage {
  id: number;
  request: IpcTrpcRequest;
}

/** host → main on the tRPC MessagePort. */
export interface HostAnswerMessage {
  id: number;
  response: IpcTrpcResponse;
}
