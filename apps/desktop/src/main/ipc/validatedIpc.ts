import { ipcMain, type WebContents } from 'electron';
import { TRPC_CHANNEL } from '../../preload/bridge.ts';
import { log } from '../log.ts';
import { ipcErrorResponse } from './errorResponse.ts';
import type { HostConnection } from './hostConnection.ts';
import { checkIpcSender } from './senderValidation.ts';
import { parseIpcTrpcRequest } from './trpcRequest.ts';

const CHANNELS: readonly string[] = [TRPC_CHANNEL];

/**
 * The one place IPC enters main. Every message is checked (channel, our window, its main frame, the
 * eonpro://app origin) and its shape validated before it is forwarded to the host; refusals are logged without
 * the payload.
 */
export function answerTrpcOverIpc(host: HostConnection, ourWebContentsId: () => number | undefined): void {
  ipcMain.handle(TRPC_CHANNEL, async (event, payload: unknown) => {
    const verdict = checkIpcSender(TRPC_CHANNEL, event, { channels: CHANNELS, webContentsId: ourWebContentsId() });
    if (!verdict.ok) {
      log.warn({ channel: TRPC_CHANNEL, reason: verdict.reason, senderId: event.sender.id }, 'IPC message refused');
      throw new Error('Refused');
    }
    const request = parseIpcTrpcRequest(payload);
    if (request === null) {
      log.warn({ channel: TRPC_CHANNEL, senderId: event.sender.id }, 'IPC request with an invalid shape refused');
      return ipcErrorResponse('BAD_REQUEST', 'The app window sent a request the clinic service does not understand.', undefined);
    }
    return host.call(request);
  });
}

/** Fire-and-forget and synchronous messages are never used; any that arrive are refused and logged. */
export function refuseOtherIpc(contents: WebContents): void {
  contents.on('ipc-message', (_event, channel) => {
    log.warn({ channel: CHANNELS.includes(channel) ? channel : 'unknown', senderId: contents.id }, 'IPC message refused');
  });
  contents.on('ipc-message-sync', (event, channel) => {
    log.warn({ channel: CHANNELS.includes(channel) ? channel : 'unknown', senderId: contents.id }, 'IPC message refused');
    event.returnValue = null;
  });
}
