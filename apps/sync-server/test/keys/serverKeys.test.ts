/** The server as production starts it: its master key file beside the embedded database, and the JWKS over HTTP. */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isUuid } from '@eonpro/core';
import { startSyncServer, type RunningSyncServer } from '../../src/index.ts';
import { MASTER_KEY_FILE_NAME } from '../../src/keys/masterKeyLocation.ts';

describe('server keys over HTTP', () => {
  let folder: string;
  let dataDir: string;
  let server: RunningSyncServer | undefined;
  const start = () => startSyncServer({ port: 0, metricsPort: 0, database: { kind: 'pglite', dataDir }, logLevel: 'silent' });
  const jwks = async (url: string) => {
    const response = await fetch(`${url}/.well-known/jwks.json`);
    return { response, body: (await response.json()) as { keys: Record<string, string>[] } };
  };

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'eonpro-server-keys-'));
    dataDir = path.join(folder, 'server');
    server = await start();
  });
  after(async () => {
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates the master key file owner-only beside the database folder, outside it', () => {
    const keyFile = path.join(folder, MASTER_KEY_FILE_NAME);
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
  });

  it('publishes the public signing key at /.well-known/jwks.json, without any private part', async () => {
    const { response, body } = await jwks(server!.url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/jwk-set+json');
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(body.keys.length, 1);
    const [key] = body.keys;
    assert.deepEqual(Object.keys(key!).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    assert.deepEqual([key!.kty, key!.crv, key!.alg, key!.use], ['OKP', 'Ed25519', 'EdDSA', 'sig']);
    assert.ok(isUuid(key!.kid!));
  });

  it('refuses to start when the key file is open to others, and keeps the same keys after a restart', async () => {
    const { body: before } = await jwks(server!.url);
    await server!.close();
    server = undefined;
    const keyFile = path.join(folder, MASTER_KEY_FILE_NAME);
    chmodSync(keyFile, 0o640);
    await assert.rejects(start(), /open to other users .*chmod 600/);
    chmodSync(keyFile, 0o600);
    server = await start();
    const { body: after } = await jwks(server.url);
    assert.deepEqual(after, before);
  });
});
