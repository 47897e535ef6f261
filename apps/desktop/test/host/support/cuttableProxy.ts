import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of the sync server that can cut the connection of pull requests, as a flaky link would,
 * and records the cursor each pull asked for.
 */
export interface CuttableProxy {
  url: string;
  pullCursors: number[];
  /** Pulls after this many are cut (the socket is destroyed without an answer); null lets everything through. */
  cutPullsAfter: number | null;
  close(): Promise<void>;
}

export async function startCuttableProxy(target: string): Promise<CuttableProxy> {
  const upstream = new URL(target);
  let pulls = 0;
  const proxy: CuttableProxy = { url: '', pullCursors: [], cutPullsAfter: null, close: () => closeServer(server) };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    if (url.pathname === '/trpc/sync.pull') {
      proxy.pullCursors.push((JSON.parse(url.searchParams.get('input') ?? '{}') as { cursor: number }).cursor);
      pulls++;
      if (proxy.cutPullsAfter !== null && pulls > proxy.cutPullsAfter) {
        req.socket.destroy();
        return;
      }
    }
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
