import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { uuidv7 } from '@eonpro/core';
import { appendAuditEvent, appendAuditEvents, type AuditFacts } from '../apps/desktop/src/host/audit/appendAuditEvent.ts';
import type { AuditActor } from '../apps/desktop/src/host/audit/auditActor.ts';
import { verifyLocalAuditChain } from '../apps/desktop/src/host/audit/verifyLocalAuditChain.ts';
import { saveTenant } from '../apps/desktop/src/host/db/writers.ts';
import { LocalStore } from '../apps/desktop/src/host/local/localStore.ts';
import { perSecond } from './stats.ts';
import { formatNumber, printTable } from './table.ts';
import { makeTempFolder } from './tempFolder.ts';

/** The goal for durable, chained appends on a workstation (the figure). */
export const DESKTOP_APPEND_GOAL_PER_SECOND = 20_000;

export interface DesktopAppendRun {
  /** Entries written in each transaction (1: one commit, and one fsync, per entry). */
  batchSize: number;
  appends: number;
  ms: number;
}

export interface DesktopAppendMeasurement {
  synchronous: string;
  runs: DesktopAppendRun[];
  /** The whole chain verified afterwards, as `npm run audit:verify -- --desktop` does. */
  verify: { ok: boolean; entries: number; ms: number };
}

const SYNCHRONOUS_NAMES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/** A workstation's everyday mix of audit facts: searches, chart views and changes, ids only. */
function workdayFacts(count: number, deviceId: string): AuditFacts[] {
  const patientId = uuidv7();
  return Array.from({ length: count }, (_, n): AuditFacts => {
    if (n % 3 === 0) return { action: 'search', detail: { kind: 'name', tokens: 2, results: n % 9, procedure: 'patients.search' } };
    if (n % 3 === 1) return { action: 'view', patientId, detail: { procedure: 'chart.summary' } };
    return { action: 'update', patientId, entity: 'patient', recordId: patientId, recordRev: `${String(Date.now()).padStart(15, '0')}:000000:${deviceId}`, detail: { fieldCount: 1 } };
  });
}

/**
 * Durable, chained appends to the workstation audit chain on the encrypted store, through the host's own append path
 * (event built and validated, linked by SHA-256, inserted with the head, committed with synchronous=FULL): once with
 * one entry per transaction, then in batches. Every run writes to the same chain, which is verified at the end.
 */
export function measureDesktopAuditAppends(options: { oneEach: number; batched: number; batchSizes: readonly number[] }): DesktopAppendMeasurement {
  const temp = makeTempFolder('eonpro-bench-desktop-audit-');
  const store = LocalStore.open(join(temp.dir, 'clinic.db'), randomBytes(32));
  try {
    saveTenant(store.db, uuidv7());
    const actor: AuditActor = { userId: uuidv7(), role: 'nurse' };
    const synchronous = SYNCHRONOUS_NAMES[store.db.pragma('synchronous', { simple: true }) as number] ?? 'unknown';
    appendAuditEvents(store, actor, workdayFacts(2_000, store.deviceId)); // warm-up: JIT, statement cache, file growth

    const runs: DesktopAppendRun[] = [];
    const oneEachFacts = workdayFacts(options.oneEach, store.deviceId);
    let started = performance.now();
    for (const facts of oneEachFacts) appendAuditEvent(store, actor, facts);
    runs.push({ batchSize: 1, appends: options.oneEach, ms: performance.now() - started });

    for (const batchSize of options.batchSizes) {
      const batch = workdayFacts(batchSize, store.deviceId);
      const batches = Math.ceil(options.batched / batchSize);
      started = performance.now();
      for (let i = 0; i < batches; i++) appendAuditEvents(store, actor, batch);
      runs.push({ batchSize, appends: batches * batchSize, ms: performance.now() - started });
    }

    started = performance.now();
    const { result } = verifyLocalAuditChain(store.db);
    const verify = { ok: result.ok, entries: result.ok ? result.length : result.seq - 1, ms: performance.now() - started };
    return { synchronous, runs, verify };
  } finally {
    store.close();
    temp.remove();
  }
}

export function printDesktopAuditAppends(measured: DesktopAppendMeasurement): void {
  console.log(`\nDesktop audit chain: durable, chained appends on the encrypted store (SQLCipher 4, WAL, synchronous=${measured.synchronous})`);
  printTable(
    ['entries per transaction', 'appends', 'seconds', 'appends/s', `vs goal ${formatNumber(DESKTOP_APPEND_GOAL_PER_SECOND)}/s`],
    measured.runs.map((run) => {
      const rate = perSecond(run.appends, run.ms);
      return [
        run.batchSize === 1 ? '1 (a commit each)' : formatNumber(run.batchSize),
        formatNumber(run.appends),
        formatNumber(run.ms / 1000, 2),
        formatNumber(rate),
        `${formatNumber(rate / DESKTOP_APPEND_GOAL_PER_SECOND, 2)}x`,
      ];
    }),
  );
  const { verify } = measured;
  console.log(
    `Verified the whole chain afterwards: ${verify.ok ? 'intact' : 'BROKEN'}, ${formatNumber(verify.entries)} entries in ` +
      `${formatNumber(verify.ms / 1000, 2)} s (${formatNumber(perSecond(verify.entries, verify.ms))} entries/s).`,
  );
}
