import { GlobalRegistrator } from '@happy-dom/global-registrator';

/**
 * Node's own networking, streams and timers, which happy-dom would replace with a browser's: the real host and sync
 * server run in the same process as the rendered screen and must keep them (happy-dom's fetch applies CORS, and the
 * server's HTTP adapter cannot write through its Response).
 */
const NODE_GLOBALS = [
  'URL', 'DOMException', 'AbortController', 'AbortSignal', 'TransformStream', 'WritableStream', 'clearInterval', 'clearTimeout',
  'setInterval', 'setTimeout', 'queueMicrotask', 'atob', 'btoa', 'MessagePort', 'Blob', 'File', 'fetch', 'FormData', 'Headers',
  'Request', 'Response', 'MessageEvent',
] as const;

/** A DOM for rendering React in Node, beside a real host and sync server in the same process. */
export function registerDomBesideNode(): void {
  const saved = NODE_GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  GlobalRegistrator.register();
  for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(globalThis, name, descriptor);
}
