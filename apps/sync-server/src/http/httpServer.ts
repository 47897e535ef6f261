import { randomUUID } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { loggablePath } from '../logging/loggablePath.ts';
import { appRouter } from '../routers/root.ts';
import type { ServerServices } from '../services.ts';
import { createContext } from '../trpc.ts';
import { setSecurityHeaders } from './securityHeaders.ts';
import type { TlsCredentials } from './tlsCredentials.ts';

const IDLE_CONNECTION_TIMEOUT_MS = 65_000;

export const TRPC_PATH = '/trpc';
/** The public keys that verify access tokens (RFC 7517 key set), for services that check them themselves. */
export const JWKS_PATH = '/.well-known/jwks.json';
/** Large enough for a big FHIR bundle (Synthea's are 0.3–1.5 MB) with room to spare. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const REQUEST_ID_HEADER = 'X-Request-Id';

/** How the server is reached: its own TLS (or plain HTTP when null), and whether workstations come over HTTPS. */
export interface Transport {
  tls: TlsCredentials | null;
  /** Send HSTS: true with TLS here, or behind a TLS-terminating proxy (an https:// public URL). */
  hsts: boolean;
}

/**
 * The HTTP(S) face of the server: tRPC at /trpc, security headers and a request id on every response, and one
 * log line per request. Only a served path is logged, never the query string (a GET carries its input there).
 */
export function createHttpServer(services: ServerServices, transport: Transport): Server {
  const isProcedure = (name: string) => Object.hasOwn(appRouter._def.procedures, name);
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: `${TRPC_PATH}/`,
    maxBodySize: MAX_BODY_BYTES,
    createContext: ({ req, res }) =>
      createContext(services, { requestId: String(res.getHeader(REQUEST_ID_HEADER)), authorization: req.headers.authorization ?? null }),
  });

  const handle: RequestListener = (req, res) => {
    const requestId = randomUUID();
    const started = performance.now();
    setSecurityHeaders(res, { hsts: transport.hsts });
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const path = new URL(req.url ?? '/', 'http://server').pathname;
    res.on('finish', () => {
      services.log.info(
        { reqId: requestId, method: req.method, path: path === JWKS_PATH ? JWKS_PATH : loggablePath(path, `${TRPC_PATH}/`, isProcedure), status: res.statusCode, durationMs: Math.round(performance.now() - started) },
        'request',
      );
    });
    if (path === JWKS_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/jwk-set+json');
      // Public keys, no patient data: a verifier may keep them a minute, and re-fetches on an unknown kid.
      res.setHeader('Cache-Control', 'public, max-age=60');
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(services.keys.jwks()));
      return;
    }
    if (!path.startsWith(`${TRPC_PATH}/`)) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: `Nothing is served here; the API is at ${TRPC_PATH}.` } }));
      return;
    }
    trpc(req, res);
  };
  const server = transport.tls
    ? createHttpsServer({ cert: transport.tls.cert, key: transport.tls.key, minVersion: 'TLSv1.2' }, handle)
    : createServer(handle);
  // Clients keep idle connections for a few seconds; a server that closes them first (Node's default is 5 s)
  // races a request sent on a connection it is closing, which reaches the client as ECONNRESET.
  server.keepAliveTimeout = IDLE_CONNECTION_TIMEOUT_MS;
  server.headersTimeout = IDLE_CONNECTION_TIMEOUT_MS + 1_000;
  return server;
}
