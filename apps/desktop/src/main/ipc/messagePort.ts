/** The part of a message port both ends use; adapters make Electron's MessagePortMain (and Node's, in tests) fit. */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  onMessage(listener: (data: unknown) => void): void;
  close(): void;
}

/** Electron's MessagePortMain, described structurally so the utility process needs no `electron` import. */
interface ElectronMessagePort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

export function fromElectronPort(port: ElectronMessagePort): MessagePortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.on('message', (event) => listener(event.data));
      port.start();
    },
    close: () => port.close(),
  };
}
