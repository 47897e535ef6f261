import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { SECURITY_HEADERS } from './contentSecurityPolicy.ts';
import { APP_HOST, APP_PROTOCOL } from './ipc/senderValidation.ts';
import { contentTypeFor, resolveRendererFile } from './rendererFiles.ts';

const SCHEME = APP_PROTOCOL.slice(0, -1);
export const APP_ENTRY_URL = `${SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready: makes `eonpro://app` a secure, standard origin (so `'self'` and ES modules work). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer from `rendererDir`, every answer with the CSP and the other security headers. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(SCHEME, async (request) => {
    const file = request.method === 'GET' ? resolveRendererFile(rendererDir, request.url) : null;
    if (file === null) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { ...SECURITY_HEADERS, 'content-type': contentTypeFor(file) } });
    } catch {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
  });
}
