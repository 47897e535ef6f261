// Pure, so it is tested without Electron; Electron's IpcMainInvokeEvent satisfies these shapes.
export const APP_PROTOCOL = 'eonpro:';
export const APP_HOST = 'app';

export interface IpcSenderFrame {
  readonly url: string;
  readonly parent: unknown;
  isDestroyed(): boolean;
}

export interface IpcSenderEvent {
  readonly sender: { readonly id: number; readonly mainFrame: unknown; isDestroyed(): boolean };
  readonly senderFrame: IpcSenderFrame | null;
}

export interface TrustedSender {
  /** The channels main answers. */
  readonly channels: readonly string[];
  /** The webContents id of our window; undefined while no window exists. */
  readonly webContentsId: number | undefined;
}

export type RefusalReason =
  | 'unknown-channel'
  | 'sender-destroyed'
  | 'other-window'
  | 'frame-gone'
  | 'not-main-frame'
  | 'wrong-origin';

export type SenderVerdict = { ok: true } | { ok: false; reason: RefusalReason };

/** Accepts a message only on a known channel from the main frame of our window showing `eonpro://app`. */
export function checkIpcSender(channel: string, event: IpcSenderEvent, trusted: TrustedSender): SenderVerdict {
  if (!trusted.channels.includes(channel)) return refuse('unknown-channel');
  const { sender, senderFrame } = event;
  if (sender.isDestroyed()) return refuse('sender-destroyed');
  if (trusted.webContentsId === undefined || sender.id !== trusted.webContentsId) return refuse('other-window');
  if (senderFrame === null || senderFrame.isDestroyed()) return refuse('frame-gone');
  if (senderFrame.parent !== null || senderFrame !== sender.mainFrame) return refuse('not-main-frame');
  if (!isAppUrl(senderFrame.url)) return refuse('wrong-origin');
  return { ok: true };
}

function isAppUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === APP_PROTOCOL && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

function refuse(reason: RefusalReason): SenderVerdict {
  return { ok: false, reason };
}
