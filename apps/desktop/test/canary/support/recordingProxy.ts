import { once } from 'node:events';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request that passed through, with the answer it got. */
export interface Exchange {
  method: string;
  url: string;
  status: number;
  body: string;
}

export interface RecordingProxy {
  /** Give this to the workstations as their server URL. */
  url: string;
  exchanges: Exchange[];
  /** False: every connection is dropped at once, as if the server could not be reached. */
  setReachable(reachable: boolean): void;
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of the sync server that forwards every request unchanged and records its method, URL,
 * status and response body: what the workstations asked of the server and what they were told.
 */
export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const exchanges: Exchange[] = [];
  let reachable = true;
  const server = createServer((incoming, outgoing) => {
    if (!reachable) {
      incoming.socket.destroy();
      return;
    }
    const forwarded = request(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        const chunks: Buffer[] = [];
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          outgoing.write(chunk);
        });
        answer.on('end', () => {
          exchanges.push({ method: incoming.method ?? '', url: incoming.url ?? '', status: answer.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
          outgoing.end();
        });
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    setReachable: (value) => {
      reachable = value;
      // Keep-alive connections would otherwise still reach the server.
      if (!value) server.closeAllConnections();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fetch that records every exchange like the proxy does: for tRPC clients the test drives. */
export function recordingFetch(exchanges: Exchange[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    exchanges.push({ method: init?.method ?? 'GET', url: url.pathname + url.search, status: response.status, body: await response.clone().text() });
    return response;
  };
}

/**
 * What a client was told went wrong: the whole body of a failed HTTP answer, and the `error` of every tRPC
 * answer (a batch answers each call on its own and can carry errors under a 200).
 */
export function errorAnswers(exchanges: readonly Exchange[]): Exchange[] {
  return exchanges.flatMap((exchange) => {
    if (exchange.status >= 400) return [exchange];
    let parsed: unknown;
    try {
      parsed = JSON.parse(exchange.body);
    } catch {
      return [];
    }
    const errors = (Array.isArray(parsed) ? parsed : [parsed]).filter((item) => typeof item === 'object' && item !== null && 'error' in item);
    return errors.map((item: { error: unknown }) => ({ ...exchange, body: JSON.stringify(item.error) }));
  });
}
