/**
 * The transport over real TLS: a throwaway CA and server certificate made with openssl, the server started as
 * production starts it, and a client that trusts only that CA.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { get } from 'node:https';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { startSyncServer, TlsSetupError, type RunningSyncServer, type SyncServerOptions } from '../src/index.ts';
import { HSTS_HEADER, SECURITY_HEADERS } from '../src/http/securityHeaders.ts';
import { makeTestCertificates, type TestCertificates } from './support/testCertificates.ts';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  protocol: string | null;
}

/** A GET over HTTPS that trusts only `ca`, with certificate checks on (Node's default). */
function httpsGet(url: string, ca: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = get(url, { ca, agent: false }, (response) => {
      const protocol = (response.socket as TLSSocket).getProtocol();
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, protocol }));
    });
    request.on('error', reject);
  });
}

function assertSecurityHeaders(headers: Headers | IncomingHttpHeaders, where: string): void {
  const read = (name: string) => (headers instanceof Headers ? headers.get(name) : (headers[name.toLowerCase()] ?? null));
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(read(name), value, `${name} on ${where}`);
}

describe('sync server over TLS', () => {
  let certificates: TestCertificates;
  let ca: Buffer;
  const running: RunningSyncServer[] = [];
  const start = async (options: Partial<SyncServerOptions> = {}) => {
    const server = await startSyncServer({ port: 0, metricsPort: 0, database: { kind: 'pglite' }, logLevel: 'silent', ...options });
    running.push(server);
    return server;
  };

  /** Each server logs to its own file in the certificates' folder. */
  const logOf = (name: string) => join(certificates.dir, `${name}.log`);
  let overTls: RunningSyncServer;
  let behindProxy: RunningSyncServer;
  let plain: RunningSyncServer;
  let exposed: RunningSyncServer;

  before(async () => {
    certificates = makeTestCertificates();
    ca = readFileSync(certificates.caFile);
    const tls = { certFile: certificates.certFile, keyFile: certificates.keyFile };
    const logged = (name: string) => ({ logFile: logOf(name), logLevel: 'info' });
    [overTls, behindProxy, plain, exposed] = await Promise.all([
      start({ tls, ...logged('tls') }),
      // Reachable from other machines, but only through the TLS proxy its public URL names.
      start({ host: '0.0.0.0', publicUrl: 'https://sync.riverbend.test', ...logged('proxied') }),
      start(logged('plain')),
      start({ host: '0.0.0.0', ...logged('exposed') }),
      start({ tls: { certFile: certificates.expiredCertFile, keyFile: certificates.keyFile }, ...logged('expired') }),
    ]);
  });
  after(async () => {
    await Promise.all(running.map((server) => server.close()));
    certificates?.remove();
  });

  it('serves HTTPS (TLS 1.2 or later) with HSTS and the security headers on tRPC answers, errors and unknown paths', async () => {
    const server = overTls;
    assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    for (const [path, status] of [['/trpc/health', 200], ['/trpc/sync.pull', 401], ['/elsewhere', 404]] as const) {
      const answer = await httpsGet(`${server.url}${path}`, ca);
      assert.equal(answer.status, status, path);
      assert.ok(answer.protocol === 'TLSv1.2' || answer.protocol === 'TLSv1.3', `${path} over ${answer.protocol}`);
      assert.equal(answer.headers[HSTS_HEADER.name.toLowerCase()], HSTS_HEADER.value, `HSTS on ${path}`);
      assertSecurityHeaders(answer.headers, path);
    }
  });

  it('is refused by a client that does not trust its CA (certificate checks stay on)', async () => {
    const error = (await fetch(`${overTls.url}/trpc/health`).catch((e: unknown) => e)) as { cause?: { code?: string } };
    assert.equal(error.cause?.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('sends HSTS over plain HTTP when its public URL is https (a TLS proxy in front), and not without one', async () => {
    for (const path of ['/trpc/health', '/elsewhere']) {
      const proxied = await fetch(`${behindProxy.url}${path}`);
      assert.equal(proxied.headers.get(HSTS_HEADER.name), HSTS_HEADER.value, `HSTS behind the proxy on ${path}`);
      assertSecurityHeaders(proxied.headers, path);
      await proxied.body?.cancel();

      const direct = await fetch(`${plain.url}${path}`);
      assert.equal(direct.headers.get(HSTS_HEADER.name), null, `no HSTS over plain HTTP on ${path}`);
      assertSecurityHeaders(direct.headers, path);
      await direct.body?.cancel();
    }
  });

  it('refuses to start with a missing or non-PEM certificate or key, or a key of another pair, saying which file', async () => {
    const missing = join(certificates.dir, 'nowhere.pem');
    const cases = [
      { tls: { certFile: missing, keyFile: certificates.keyFile }, message: `The TLS certificate file ${missing} does not exist.` },
      { tls: { certFile: certificates.certFile, keyFile: missing }, message: `The TLS private key file ${missing} does not exist.` },
      { tls: { certFile: certificates.keyFile, keyFile: certificates.keyFile }, message: `The TLS certificate file ${certificates.keyFile} does not hold a PEM certificate.` },
      { tls: { certFile: certificates.certFile, keyFile: certificates.caFile }, message: `The TLS private key file ${certificates.caFile} does not hold an unencrypted PEM private key.` },
      { tls: { certFile: certificates.certFile, keyFile: certificates.otherKeyFile }, message: `The TLS private key ${certificates.otherKeyFile} does not belong to the certificate ${certificates.certFile}.` },
    ];
    for (const { tls, message } of cases) {
      await assert.rejects(start({ tls }), (error: unknown) => {
        assert.ok(error instanceof TlsSetupError);
        assert.equal(error.message, message);
        return true;
      });
    }
  });

  const warningsIn = (name: string, about: string) =>
    readFileSync(logOf(name), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: number; msg: string; host?: string })
      .filter((entry) => entry.level === 40 && entry.msg.includes(about));

  it('warns once, naming only the address, when other machines reach it over plain HTTP', () => {
    const warnings = (name: string) => warningsIn(name, 'plain HTTP');
    const warned = warnings('exposed');
    assert.equal(warned.length, 1);
    assert.equal(warned[0]!.host, '0.0.0.0');
    assert.ok(exposed.url.startsWith('http://0.0.0.0:'));
    for (const quiet of ['tls', 'proxied', 'plain']) assert.deepEqual(warnings(quiet), [], `no warning for the ${quiet} server`);
  });

  it('starts with an expired certificate but warns that workstations will refuse it', () => {
    assert.equal(warningsIn('expired', 'has expired').length, 1);
    assert.deepEqual(warningsIn('tls', 'has expired'), []);
  });
});
