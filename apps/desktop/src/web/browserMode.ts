import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import { startHost, type Host } from '../host/startHost.ts';
import type { HostOptions } from '../host/hostRuntime.ts';
import { createLaunchToken, launchTokenMatches } from './launchToken.ts';
import { serveRendererFile } from './rendererFiles.ts';
import { setSecurityHeaders } from './securityHeaders.ts';

export interface BrowserModeOptions extends HostOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** The built renderer; default apps/desktop/dist/renderer. */
  rendererDir?: string;
}

export interface BrowserMode {
  /** Open this: `http://127.0.0.1:<port>/#token=<token>`. The token is in the fragment, so it never reaches a log. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export const LAUNCH_TOKEN_HEADER = 'x-eonpro-launch-token';
const DEFAULT_RENDERER_DIR = resolve(import.meta.dirname, '../../dist/renderer');
/** Big enough for the largest FHIR bundle a clinic imports in one file. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * The host without Electron: serves the renderer and the host router on 127.0.0.1 only. Every /trpc call must
 * carry this launch's random token; requests naming another host (DNS rebinding) are refused.
 */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const host = await startHost(options);
  const token = createLaunchToken();
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  let port = 0;

  const server = createServer((req, res) => {
    setSecurityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!isLocalHostHeader(req.headers.host, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('This service answers only on 127.0.0.1');
      return;
    }
    if (url.pathname === '/trpc' || url.pathname.startsWith('/trpc/')) {
      handleTrpc(req, res, url.pathname.slice('/trpc/'.length), host, token);
      return;
    }
    serveRendererFile(req, res, rendererDir, url.pathname);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  }).catch(async (error: unknown) => {
    // The port is taken: the host gives its data folder back before the error is told.
    await host.close();
    throw error;
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await host.close();
    },
  };
}

function handleTrpc(req: IncomingMessage, res: ServerResponse, path: string, host: Host, token: string): void {
  res.setHeader('Cache-Control', 'no-store');
  if (!launchTokenMatches(req.headers[LAUNCH_TOKEN_HEADER], token)) {
    res.writeHead(401, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({ error: { message: 'This page was not opened with the current launch link. Open the link printed at start-up.' } }),
    );
    return;
  }
  void nodeHTTPRequestHandler({
    router: host.router,
    createContext: () => host.createContext(),
    req,
    res,
    path,
    allowMethodOverride: true,
    maxBodySize: MAX_BODY_BYTES,
  });
}

function isLocalHostHeader(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}
