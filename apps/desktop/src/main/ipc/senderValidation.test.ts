import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkIpcSender, type IpcSenderEvent, type IpcSenderFrame } from './senderValidation.ts';

const CHANNEL = 'eonpro:trpc';
const OUR_WINDOW = 7;
const trusted = { channels: [CHANNEL], webContentsId: OUR_WINDOW };

function frame(url: string, options: { parent?: IpcSenderFrame | null; destroyed?: boolean } = {}): IpcSenderFrame {
  return { url, parent: options.parent ?? null, isDestroyed: () => options.destroyed ?? false };
}

/** An event as Electron delivers it: `senderFrame` is the sending frame, `sender.mainFrame` its window's top frame. */
function event(
  senderFrame: IpcSenderFrame | null,
  options: { senderId?: number; mainFrame?: IpcSenderFrame | null; senderDestroyed?: boolean } = {},
): IpcSenderEvent {
  return {
    sender: {
      id: options.senderId ?? OUR_WINDOW,
      mainFrame: options.mainFrame === undefined ? senderFrame : options.mainFrame,
      isDestroyed: () => options.senderDestroyed ?? false,
    },
    senderFrame,
  };
}

describe('checkIpcSender', () => {
  it('accepts the main frame of our window showing eonpro://app', () => {
    assert.deepEqual(checkIpcSender(CHANNEL, event(frame('eonpro://app/index.html#/patients')), trusted), { ok: true });
  });

  it('refuses a file:// page', () => {
    assert.deepEqual(checkIpcSender(CHANNEL, event(frame('file:///tmp/index.html')), trusted), {
      ok: false,
      reason: 'wrong-origin',
    });
  });

  it('refuses an http page, even on localhost', () => {
    assert.deepEqual(checkIpcSender(CHANNEL, event(frame('http://127.0.0.1:4010/')), trusted), {
      ok: false,
      reason: 'wrong-origin',
    });
  });

  it('refuses our scheme with another host', () => {
    assert.deepEqual(checkIpcSender(CHANNEL, event(frame('eonpro://evil/index.html')), trusted), {
      ok: false,
      reason: 'wrong-origin',
    });
  });

  it('refuses a frame that is not the main frame of its window', () => {
    const other = frame('eonpro://app/index.html');
    assert.deepEqual(checkIpcSender(CHANNEL, event(other, { mainFrame: frame('eonpro://app/index.html') }), trusted), {
      ok: false,
      reason: 'not-main-frame',
    });
  });

  it('refuses a subframe, even one showing our origin', () => {
    const top = frame('eonpro://app/index.html');
    const sub = frame('eonpro://app/embedded.html', { parent: top });
    assert.deepEqual(checkIpcSender(CHANNEL, event(sub, { mainFrame: top }), trusted), {
      ok: false,
      reason: 'not-main-frame',
    });
  });

  it('refuses another window (a different webContents)', () => {
    assert.deepEqual(checkIpcSender(CHANNEL, event(frame('eonpro://app/index.html'), { senderId: 99 }), trusted), {
      ok: false,
      reason: 'other-window',
    });
  });

  it('refuses everything while our window does not exist', () => {
    const noWindow = { channels: [CHANNEL], webContentsId: undefined };
    assert.deepEqual(checkIpcSender(CHANNEL, event(frame('eonpro://app/index.html')), noWindow), {
      ok: false,
      reason: 'other-window',
    });
  });

  it('refuses a destroyed sender', () => {
    assert.deepEqual(
      checkIpcSender(CHANNEL, event(frame('eonpro://app/index.html'), { senderDestroyed: true }), trusted),
      { ok: false, reason: 'sender-destroyed' },
    );
  });

  it('refuses when the sending frame is gone or destroyed', () => {
    assert.deepEqual(checkIpcSender(CHANNEL, event(null), trusted), { ok: false, reason: 'frame-gone' });
    assert.deepEqual(checkIpcSender(CHANNEL, event(frame('eonpro://app/', { destroyed: true })), trusted), {
      ok: false,
      reason: 'frame-gone',
    });
  });

  it('refuses an unknown channel', () => {
    assert.deepEqual(checkIpcSender('eonpro:shell', event(frame('eonpro://app/index.html')), trusted), {
      ok: false,
      reason: 'unknown-channel',
    });
  });

  it('refuses a URL that cannot be parsed', () => {
    assert.deepEqual(checkIpcSender(CHANNEL, event(frame('not a url')), trusted), { ok: false, reason: 'wrong-origin' });
  });
});
