/**
 * The transport, over real HTTP: the server started as production starts it, called with @trpc/client.
 * Router behaviour is covered by the router suites; this checks what only HTTP adds.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION, uuidv7 } from '@eonpro/core';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { startSyncServer, type AppRouter, type RunningSyncServer } from '../src/index.ts';
import { SECURITY_HEADERS } from '../src/http/securityHeaders.ts';
import { finishSignIn, TestAuthenticator } from './support/authenticator.ts';
import { WorkstationKey } from './support/workstationKey.ts';

const ADMIN = { clinicName: 'Harbor Street Clinic', adminName: 'Winifred Quillfeather', email: 'w.quillfeather@harbor.test', password: 'Zanzibar-kettle-7781' };

describe('sync server over HTTP', () => {
  let server: RunningSyncServer;
  let folder: string;
  let logFile: string;
  const authenticator = new TestAuthenticator();

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'eonpro-http-'));
    logFile = path.join(folder, 'server.log');
    server = await startSyncServer({ port: 0, metricsPort: 0, database: { kind: 'pglite' }, logFile, logLevel: 'debug', now: authenticator.now });
  });

  after(async () => {
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const client = (accessToken?: string) =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${server.url}/trpc`, headers: () => (accessToken ? { authorization: `Bearer ${accessToken}` } : {}) })],
    });

  const workstation = WorkstationKey.of(uuidv7());
  /** The admin signs in, with a code from their authenticator (set up at the first sign-in). */
  const signInAdmin = async (deviceName: string) => {
    const auth = client().auth;
    // One workstation, approved by the admin's first sign-in on it (a new one would wait for approval).
    const key = workstation;
    const answer = await auth.signIn.mutate({ email: ADMIN.email, password: ADMIN.password, deviceId: key.deviceId, deviceName, ...key.signInFields(ADMIN.email) });
    const calls = { completeMfa: auth.completeMfa.mutate, beginMfaEnrolment: auth.beginMfaEnrolment.mutate, confirmMfaEnrolment: auth.confirmMfaEnrolment.mutate };
    return finishSignIn(calls, authenticator, ADMIN.email, answer);
  };

  it('answers health without a token, and an authenticated procedure with one', async () => {
    assert.deepEqual(await client().health.query(), { ok: true, protocolVersions: [1], schemaVersion: 1 });

    await client().setup.createClinic.mutate(ADMIN);
    const session = await signInAdmin('Reception');
    const page = await client(session.accessToken).sync.pull.query({ protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SYNC_SCHEMA_VERSION, cursor: 0 });
    assert.deepEqual(page, { changes: [], cursor: 0, hasMore: false, remaining: 0 });
  });

  it('sends the security headers and a request id with every response, errors and unknown paths included', async () => {
    for (const url of [`${server.url}/trpc/health`, `${server.url}/trpc/sync.pull`, `${server.url}/elsewhere`]) {
      const response = await fetch(url);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(response.headers.get(name), value, `${name} on ${url}`);
      assert.match(response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
      await response.body?.cancel();
    }
  });

  it('answers an error with its code, message and issue paths, and never a stack trace or the input', async () => {
    const response = await fetch(`${server.url}/trpc/setup.createClinic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clinicName: 'X', adminName: 'Perpetua Vantongeren', email: 'perpetua@', password: 'short' }),
    });
    assert.equal(response.status, 400);
    const text = await response.text();
    assert.ok(!/stack|\bat .+\.ts:\d+/.test(text), text);
    assert.ok(!text.includes('Perpetua') && !text.includes('perpetua@'), text);
    const body = JSON.parse(text) as { error: { message: string; data: Record<string, unknown> } };
    assert.deepEqual(Object.keys(body.error.data).sort(), ['appCode', 'code', 'httpStatus', 'issues', 'path', 'requestId']);
    assert.equal(body.error.data.code, 'BAD_REQUEST');
    assert.deepEqual((body.error.data.issues as { path: string }[]).map((issue) => issue.path).sort(), ['email', 'password']);

    const malformed = await fetch(`${server.url}/trpc/setup.createClinic`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'Perpetua Vantongeren {' });
    assert.equal(malformed.status, 400);
    assert.ok(!(await malformed.text()).includes('Perpetua'), 'a JSON syntax error must not quote the body');

    const unauthorized = await client('not-a-token').sync.pull.query({ protocolVersion: 1, schemaVersion: 1, cursor: 0 }).catch((error: unknown) => error);
    assert.ok(unauthorized instanceof TRPCClientError);
    assert.equal(unauthorized.data?.code, 'UNAUTHORIZED');
    assert.equal(unauthorized.data?.stack, undefined);
  });

  it('logs JSON lines with request ids and no names, emails, passwords or tokens', async () => {
    const session = await signInAdmin('Back office');
    await client().auth.signIn.mutate({ email: ADMIN.email, password: 'wrong password!', deviceId: uuidv7(), deviceName: 'Back office' }).catch(() => undefined);
    const lines = readFileSync(logFile, 'utf8').trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.ok(entries.some((entry) => entry.msg === 'request' && typeof entry.reqId === 'string'));
    assert.ok(entries.some((entry) => entry.msg === 'signed in' && entry.userId === session.user.id));
    const log = lines.join('\n');
    const twoStep = [authenticator.secretOf(ADMIN.email), ...(authenticator.recoveryCodes.get(ADMIN.email) ?? [])];
    for (const secret of ['Winifred', 'Quillfeather', 'Harbor Street', ADMIN.email, ADMIN.password, 'wrong password!', 'Perpetua', session.accessToken, session.refreshToken, ...twoStep]) {
      assert.ok(!log.includes(secret), `the log must not contain ${secret.slice(0, 12)}…`);
    }
    // A 6-digit code could occur inside a timestamp by chance: no logged value may be one.
    const values = entries.flatMap(function valuesOf(value: unknown): unknown[] {
      return value !== null && typeof value === 'object' ? Object.values(value).flatMap(valuesOf) : [value];
    });
    assert.ok(authenticator.issuedCodes.length >= 2);
    for (const code of authenticator.issuedCodes) assert.ok(!values.includes(code), 'no one-time code is logged');
  });
});
