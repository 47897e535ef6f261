import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PassphraseKeyProvider } from '../../../src/host/keys/passphraseKeyProvider.ts';
import { NOT_BUILT_MESSAGE } from '../../../src/web/rendererFiles.ts';
import { startBrowserMode, type BrowserMode } from '../../../src/web/launch.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { unreachableServerUrl } from '../support/unreachableServer.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function httpRequest(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser mode', () => {
  let data: ReturnType<typeof makeTempDir>;
  let renderer: ReturnType<typeof makeTempDir>;
  let browser: BrowserMode;
  let token: string;

  before(async () => {
    data = makeTempDir();
    renderer = makeTempDir('eonpro-renderer-');
    writeFileSync(join(renderer.dir, 'index.html'), '<!doctype html><title>EONPro Clinic</title><script type="module" src="/assets/app.js"></script>');
    mkdirSync(join(renderer.dir, 'assets'));
    writeFileSync(join(renderer.dir, 'assets', 'app.js'), 'export {};');
    browser = await startBrowserMode({
      dataDir: data.dir,
      serverUrl: await unreachableServerUrl(),
      rendererDir: renderer.dir,
      keyProvider: new PassphraseKeyProvider(join(data.dir, 'workstation-key.json')),
    });
    token = new URL(browser.url).hash.replace('#token=', '');
  });
  after(async () => {
    await browser.close();
    data.remove();
    renderer.remove();
  });

  it('prints an address on 127.0.0.1 with the launch token in the fragment', () => {
    assert.match(browser.url, new RegExp(`^http://127\\.0\\.0\\.1:${browser.port}/#token=[A-Za-z0-9_-]{43}$`));
  });

  it('answers /trpc without the launch token with 401', async () => {
    const answer = await httpRequest(browser.port, '/trpc/session.status');
    assert.equal(answer.status, 401);
    assert.match(answer.body, /launch link/);
  });

  it('answers /trpc with a wrong launch token with 401', async () => {
    // One character changed, never to itself (a token may well end in 'A').
    const wrongToken = `${token[0] === 'A' ? 'B' : 'A'}${token.slice(1)}`;
    const answer = await httpRequest(browser.port, '/trpc/session.status', { headers: { 'x-eonpro-launch-token': wrongToken } });
    assert.equal(answer.status, 401);
  });

  it('answers /trpc with the launch token with 200 and the session status', async () => {
    const answer = await httpRequest(browser.port, '/trpc/session.status', { headers: { 'x-eonpro-launch-token': token } });
    assert.equal(answer.status, 200);
    const { result } = JSON.parse(answer.body) as { result: { data: { state: string; deviceId: string | null } } };
    assert.equal(result.data.state, 'workstation-locked');
    assert.equal(result.data.deviceId, null);
    assert.equal(answer.headers['cache-control'], 'no-store');
  });

  it('errors carry a sentence for the clinician and the app error code', async () => {
    const answer = await httpRequest(browser.port, '/trpc/patients.search?input=' + encodeURIComponent(JSON.stringify({ query: 'x' })), {
      headers: { 'x-eonpro-launch-token': token },
    });
    assert.equal(answer.status, 412);
    const { error } = JSON.parse(answer.body) as { error: { message: string; data: { appCode: string; issues: unknown[] } } };
    assert.equal(error.data.appCode, 'LOCKED');
    assert.match(error.message, /workstation is locked/);
    assert.deepEqual(error.data.issues, []);
  });

  it('takes queries as POST too (the renderer sends everything by POST, so no patient data sits in a URL)', async () => {
    const answer = await httpRequest(browser.port, '/trpc/session.status', {
      method: 'POST',
      headers: { 'x-eonpro-launch-token': token, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(answer.status, 200);
  });

  it('listens on 127.0.0.1 only: another loopback address is refused', async () => {
    await assert.rejects(
      new Promise((resolve, reject) => {
        const socket = connect({ host: '127.0.0.2', port: browser.port }, () => {
          socket.destroy();
          resolve(undefined);
        });
        socket.on('error', reject);
      }),
      (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
    );
  });

  it('refuses a request naming another host (DNS rebinding)', async () => {
    const answer = await httpRequest(browser.port, '/trpc/session.status', { headers: { host: 'evil.example:80', 'x-eonpro-launch-token': token } });
    assert.equal(answer.status, 421);
  });

  it('serves the renderer with a strict Content-Security-Policy, and index.html for app routes', async () => {
    const index = await httpRequest(browser.port, '/');
    assert.equal(index.status, 200);
    assert.match(index.body, /EONPro Clinic/);
    const csp = String(index.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(index.headers['x-content-type-options'], 'nosniff');
    const script = await httpRequest(browser.port, '/assets/app.js');
    assert.equal(script.status, 200);
    assert.match(String(script.headers['content-type']), /^text\/javascript/);
    assert.equal((await httpRequest(browser.port, '/patients/123')).body, index.body);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../workstation-key.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../x.js']) {
      const answer = await httpRequest(browser.port, path);
      assert.ok(answer.status === 404 || answer.body.includes('EONPro Clinic'), path);
      assert.doesNotMatch(answer.body, /root:|wrappedKey/);
    }
  });
});

describe('browser mode without a built renderer', () => {
  it('says how to build it', async () => {
    const data = makeTempDir();
    const browser = await startBrowserMode({
      dataDir: data.dir,
      serverUrl: await unreachableServerUrl(),
      rendererDir: join(data.dir, 'not-built'),
      keyProvider: new PassphraseKeyProvider(join(data.dir, 'workstation-key.json')),
    });
    try {
      const answer = await httpRequest(browser.port, '/');
      assert.equal(answer.status, 503);
      assert.equal(answer.body, NOT_BUILT_MESSAGE);
      assert.match(answer.body, /npm run build:renderer/);
    } finally {
      await browser.close();
      data.remove();
    }
  });
});
