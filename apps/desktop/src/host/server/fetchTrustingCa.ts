import type { IncomingMessage } from 'node:http';
import { Agent, request } from 'node:https';
import { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';

/** Statuses whose answer has no body (a Response refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * A fetch for https:// URLs that trusts the clinic's own certificate authority (a PEM bundle) besides the public
 * ones Node trusts, as NODE_EXTRA_CA_CERTS would, but for this connection only. Certificate and host name checks
 * stay on. Node's built-in fetch takes no CA option, hence node:https underneath. Failures look like fetch's
 * (`TypeError('fetch failed')` with the TLS or socket error as cause), so callers read both alike.
 */
export function fetchTrustingCa(caBundle: string): typeof fetch {
  const agent = new Agent({ ca: [...rootCertificates, caBundle], keepAlive: true, minVersion: 'TLSv1.2' });
  return async (input, init) => {
    const call = new Request(input, init);
    const url = new URL(call.url);
    if (url.protocol !== 'https:') return fetch(call);
    const body = call.method === 'GET' || call.method === 'HEAD' ? null : Buffer.from(await call.arrayBuffer());
    const answer = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = request(url, { method: call.method, headers: Object.fromEntries(call.headers), agent, signal: call.signal }, resolve);
      outgoing.on('error', (error) => reject(call.signal.aborted ? call.signal.reason : new TypeError('fetch failed', { cause: error })));
      outgoing.end(body);
    });
    const headers = new Headers();
    for (let i = 0; i < answer.rawHeaders.length; i += 2) headers.append(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!);
    const status = answer.statusCode ?? 0;
    if (call.method === 'HEAD' || NULL_BODY_STATUSES.has(status)) {
      answer.resume();
      return new Response(null, { status, statusText: answer.statusMessage ?? '', headers });
    }
    return new Response(Readable.toWeb(answer) as ReadableStream<Uint8Array>, { status, statusText: answer.statusMessage ?? '', headers });
  };
}
