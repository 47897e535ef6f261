/**
 * npm run bench -- sync [--count 10000] [--postgres]
 * A real sync server in this process; workstation A pushes its outbox of new patients, a fresh workstation B pulls them.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { AppError, MAX_PUSH_BATCH } from '@eonpro/core';
import { startHost, type Host } from '@eonpro/desktop/host';
import { startSyncServer, type SyncServerOptions } from '@eonpro/sync-server';
import { PULL_PAGE_SIZE } from '../apps/desktop/src/host/sync/pullChanges.ts';
import { pushOutbox } from '../apps/desktop/src/host/sync/pushOutbox.ts';
import { finishSecondStep, TestAuthenticator } from '../apps/desktop/test/host/support/testAuthenticator.ts';
import { describeMachine } from './machine.ts';
import { positiveInteger } from './options.ts';
import { countTrpcRequests } from './requestCounter.ts';
import { perSecond } from './stats.ts';
import { DEFAULT_SEED, syntheticPatients } from './syntheticPatients.ts';
import { formatNumber, printTable } from './table.ts';
import { makeTempFolder } from './tempFolder.ts';

export type ServerBackend = 'pglite' | 'postgres';

export interface SyncMeasurement {
  count: number;
  register: { ms: number; pendingAfter: number };
  push: { ms: number; requests: number; accepted: number; rejected: number; pendingAfter: number };
  pull: { ms: number; requests: number; syncState: string; syncError: string | null; patientsOnB: number; sampleFound: number; sampleSize: number };
}

const SAMPLE_SIZE = 20;
/** Long enough that no scheduled sync runs during a measurement: every sync here is started by the benchmark. */
const NO_SCHEDULED_SYNC_MS = 24 * 60 * 60_000;

type Cleanup = () => Promise<void> | void;

/**
 * The core loop: clinic setup on A, `count` registrations on A, A's push step timed, then a fresh B signs in and
 * its sync (an empty push, then the pull of everything) is timed. Cleans up everything it started.
 */
export async function measureSync(options: { count: number; backend: ServerBackend }): Promise<SyncMeasurement> {
  const temp = makeTempFolder('eonpro-bench-sync-');
  const cleanups: Cleanup[] = [() => temp.remove()];
  try {
    const database = await startServerDatabase(options.backend, temp.dir, cleanups);
    const authenticator = new TestAuthenticator();
    const server = await startSyncServer({ port: 0, metricsPort: 0, database, logLevel: 'silent', now: authenticator.now, masterKeyFile: join(temp.dir, 'server-master-key.json') });
    cleanups.push(() => server.close());
    const admin = { clinicName: 'Benchmark Clinic', adminName: 'Bench Admin', email: 'admin@bench.example', password: randomBytes(16).toString('hex') };

    const a = await startBenchHost(join(temp.dir, 'host-a'), server.url, cleanups);
    // The administrator sets up an authenticator at the first sign-in, as every admin must.
    await finishSecondStep(a.caller.session, authenticator, admin.email, await a.caller.session.setupClinic(admin));
    await a.host.syncNow(); // waits out the sync that sign-in starts, so the push below is the only one

    const patients = syntheticPatients(options.count, DEFAULT_SEED);
    const registerStart = performance.now();
    const ids: string[] = [];
    for (const patient of patients) ids.push((await a.caller.patients.register(patient)).id);
    const registerMs = performance.now() - registerStart;
    const pendingAfterRegister = (await a.caller.sync.status()).pending;
    // The loop above only ever awaited settled promises, so no I/O ran for its whole length: let the HTTP client
    // see the server close its idle keep-alive socket now, as it would have on a workstation in use, not mid-push.
    await nextTurn();

    const aRuntime = a.host.createContext().host;
    const push = await timedWithRequests(() => pushOutbox(aRuntime.requireSignedIn().store, aRuntime.connection));
    const afterPush = await a.caller.sync.status();

    const b = await startBenchHost(join(temp.dir, 'host-b'), server.url, cleanups);
    const bRuntime = b.host.createContext().host;
    // Signed in through the session itself, not the router, which would start a sync in the background before the timer.
    // B is a new workstation: it registers and waits until the administrator approves it on A.
    const signInB = () => bRuntime.session.signIn(bRuntime.requireStore(), { email: admin.email, password: admin.password });
    await signInB().catch(async (error: unknown) => {
      if (!(error instanceof AppError) || error.code !== 'DEVICE_PENDING') throw error;
      await a.caller.workstations.approve({ deviceId: bRuntime.requireStore().deviceId });
      return signInB();
    });
    await bRuntime.session.completeMfa(bRuntime.requireStore(), { code: await authenticator.nextCode(admin.email) });
    const pull = await timedWithRequests(() => b.host.syncNow());

    const db = bRuntime.requireStore().db;
    const patientsOnB = (db.prepare('SELECT count(*) AS n FROM patients WHERE deleted = 0').get() as { n: number }).n;
    let sampleFound = 0;
    const sampleSize = Math.min(SAMPLE_SIZE, patients.length);
    for (let i = 0; i < sampleSize; i++) {
      const index = Math.floor((i * patients.length) / sampleSize);
      const { results } = await b.caller.patients.search({ query: patients[index]!.mrn });
      if (results.length === 1 && results[0]!.id === ids[index]) sampleFound++;
    }

    return {
      count: options.count,
      register: { ms: registerMs, pendingAfter: pendingAfterRegister },
      push: { ms: push.ms, requests: push.requests('sync.push'), accepted: push.result.accepted, rejected: push.result.rejected, pendingAfter: afterPush.pending },
      pull: { ms: pull.ms, requests: pull.requests('sync.pull'), syncState: pull.result.state, syncError: pull.result.lastError, patientsOnB, sampleFound, sampleSize },
    };
  } finally {
    await runCleanups(cleanups.reverse());
  }
}

/** Runs `work`, timing it and counting the requests it sends. */
async function timedWithRequests<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; requests: (procedure: string) => number }> {
  const counter = countTrpcRequests();
  try {
    const start = performance.now();
    const result = await work();
    return { result, ms: performance.now() - start, requests: counter.count };
  } finally {
    counter.stop();
  }
}

/** Every cleanup runs even when one fails; the failures are reported together afterwards. */
async function runCleanups(cleanups: readonly Cleanup[]): Promise<void> {
  const failures: unknown[] = [];
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, 'The sync benchmark could not clean up everything it started');
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { count: { type: 'string', default: '10000' }, postgres: { type: 'boolean', default: false } } });
  const count = positiveInteger(values.count, '--count');
  const backend: ServerBackend = values.postgres ? 'postgres' : 'pglite';

  console.log(`Machine: ${describeMachine()}`);
  console.log(
    `Method: startSyncServer in this process (API and metrics on port 0) over ${backend === 'pglite' ? 'PGlite in a temp folder' : 'embedded PostgreSQL 18 (fsync off)'}; ` +
      `workstations are real hosts (startHost, SQLCipher store, random 32-byte key) in temp folders. A sets up the clinic and ` +
      `registers ${formatNumber(count)} seeded patients through its router (one local transaction each, outbox entry included); ` +
      `then A's push step (pushOutbox, the first half of every sync) is timed, up to ${MAX_PUSH_BATCH} mutations per request. ` +
      `A fresh B signs in and its host.syncNow() is timed: an empty push, then the pull of everything, ${PULL_PAGE_SIZE} rows per page, ` +
      `each page stored in one local transaction. Requests are counted as they leave (fetch).`,
  );

  const result = await measureSync({ count, backend });
  console.log('');
  printTable(
    ['', 'rows', 'time (s)', 'rows/s', 'requests'],
    [
      ['register on A (local only)', formatNumber(count), formatNumber(result.register.ms / 1000, 2), formatNumber(perSecond(count, result.register.ms)), '-'],
      ['push A → server', formatNumber(result.push.accepted), formatNumber(result.push.ms / 1000, 2), formatNumber(perSecond(result.push.accepted, result.push.ms)), String(result.push.requests)],
      ['pull server → B', formatNumber(result.pull.patientsOnB), formatNumber(result.pull.ms / 1000, 2), formatNumber(perSecond(result.pull.patientsOnB, result.pull.ms)), String(result.pull.requests)],
    ],
  );
  console.log('');
  console.log(`A's outbox: ${result.register.pendingAfter} pending before the push; after it ${result.push.pendingAfter} pending, ${result.push.rejected} rejected.`);
  const syncError = result.pull.syncError ? ` (${result.pull.syncError})` : '';
  console.log(`B after its sync: state ${result.pull.syncState}${syncError}, ${formatNumber(result.pull.patientsOnB)} patients (expected ${formatNumber(count)}); ` +
    `${result.pull.sampleFound}/${result.pull.sampleSize} sampled MRN searches on B found the patient A registered.`);
  const ok = result.pull.patientsOnB === count && result.push.accepted === count && result.pull.sampleFound === result.pull.sampleSize;
  console.log(ok ? 'Check: passed.' : 'Check: FAILED — B does not hold every patient A registered.');
  if (!ok) process.exitCode = 1;
}

async function startBenchHost(dataDir: string, serverUrl: string, cleanups: Cleanup[]): Promise<{ host: Host; caller: ReturnType<Host['router']['createCaller']> }> {
  const key = randomBytes(32);
  const host = await startHost({ dataDir, serverUrl, keyProvider: { getDatabaseKey: async () => Buffer.from(key) }, syncIntervalMs: NO_SCHEDULED_SYNC_MS });
  cleanups.push(() => host.close());
  return { host, caller: host.router.createCaller(host.createContext()) };
}

async function startServerDatabase(backend: ServerBackend, dir: string, cleanups: Cleanup[]): Promise<SyncServerOptions['database']> {
  if (backend === 'pglite') return { kind: 'pglite', dataDir: join(dir, 'server') };
  const { startTestPostgres } = await import('../apps/sync-server/test/support/postgres.ts');
  const postgres = await startTestPostgres();
  cleanups.push(() => postgres.stop());
  return { kind: 'postgres', url: await postgres.createDatabase() };
}
