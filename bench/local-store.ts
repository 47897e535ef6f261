/**
 * npm run bench -- local [--count 20000] [--searches 1000]
 * The encrypted store as the host opens it against the same schema and code on plain SQLite: registrations and searches.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { uuidv7 } from '@eonpro/core';
import type { Db } from '../apps/desktop/src/host/db/openDatabase.ts';
import { saveTenant } from '../apps/desktop/src/host/db/writers.ts';
import { LocalStore } from '../apps/desktop/src/host/local/localStore.ts';
import { searchPatients } from '../apps/desktop/src/host/local/patientSearch.ts';
import { registerPatient } from '../apps/desktop/src/host/local/patients.ts';
import { describeMachine } from './machine.ts';
import { positiveInteger } from './options.ts';
import { assertSameSettings, openPlainStore } from './plainStore.ts';
import { isHit, queryKinds, searchQueries, type BenchQuery, type QueryKind } from './searchQueries.ts';
import { percentile, perSecond, sum } from './stats.ts';
import { DEFAULT_SEED, syntheticPatients, type SyntheticPatient } from './syntheticPatients.ts';
import { formatNumber, printTable } from './table.ts';
import { makeTempFolder } from './tempFolder.ts';

export interface StoreMeasurement {
  /** One duration per registration, in patient order. */
  insertMs: number[];
  /** One duration per search, in query order. */
  searchMs: number[];
  hits: Record<QueryKind, { hits: number; total: number }>;
  stored: { patients: number; outbox: number; audit: number; searchGrams: number };
}

const WARM_UP = { patients: 300, searches: 100 };
const SQLITE_HEADER = Buffer.from('SQLite format 3\0');

/**
 * The core loop: registers every patient through the host's write path (validation, row, name trigrams, outbox
 * entry, audit entry; one transaction each), then runs every search through the host's search. Stores take turns,
 * one registration or search each, timed separately, so a burst of load from elsewhere on the machine hits all alike.
 */
export function measureStores(stores: readonly LocalStore[], patients: readonly SyntheticPatient[], queries: readonly BenchQuery[]): StoreMeasurement[] {
  const actor = { userId: uuidv7(), role: 'front_desk' };
  const runs = stores.map((store) => ({ store, ids: [] as string[], insertMs: [] as number[], searchMs: [] as number[], hits: emptyTallies() }));
  for (const patient of patients) {
    for (const run of runs) {
      const start = performance.now();
      const { id } = registerPatient(run.store, actor, patient);
      run.insertMs.push(performance.now() - start);
      run.ids.push(id);
    }
  }
  for (const query of queries) {
    for (const run of runs) {
      const start = performance.now();
      const { results } = searchPatients(run.store, query.text);
      run.searchMs.push(performance.now() - start);
      const tally = run.hits[query.kind];
      tally.total++;
      if (isHit(query, results, run.ids[query.patientIndex]!)) tally.hits++;
    }
  }
  return runs.map(({ store, insertMs, searchMs, hits }) => ({
    insertMs,
    searchMs,
    hits,
    stored: {
      patients: countRows(store.db, 'patients'),
      outbox: countRows(store.db, 'outbox'),
      audit: countRows(store.db, 'audit_entries'),
      searchGrams: countRows(store.db, 'patient_search'),
    },
  }));
}

/** (a) The store exactly as the host opens it: SQLCipher 4 under a random 32-byte key. */
export function openEncryptedStore(path: string): LocalStore {
  return bindToClinic(LocalStore.open(path, randomBytes(32)));
}

/** (b) The same schema and code on plain SQLite. */
export function openBaselineStore(path: string): LocalStore {
  return bindToClinic(openPlainStore(path));
}

/** A workstation in use belongs to a clinic (its first sign-in binds it): only then do changes join its audit chain. */
function bindToClinic(store: LocalStore): LocalStore {
  store.transaction(() => saveTenant(store.db, uuidv7()));
  return store;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { count: { type: 'string', default: '20000' }, searches: { type: 'string', default: '1000' } } });
  const count = positiveInteger(values.count, '--count');
  const searchCount = positiveInteger(values.searches, '--searches');
  const patients = syntheticPatients(count, DEFAULT_SEED);
  const queries = searchQueries(patients, searchCount, DEFAULT_SEED + 1);

  console.log(`Machine: ${describeMachine()}`);
  console.log(
    `Method: the same ${formatNumber(count)} seeded patients registered one transaction each through the host's registerPatient ` +
      `(validation, row, name trigrams, outbox entry, audit entry) on a workstation bound to a clinic, then the same ` +
      `${formatNumber(searchCount)} searches through its searchPatients (the query itself; the router's per-call audit entry is not included). ` +
      `(a) SQLCipher 4 opened by the host's LocalStore.open (better-sqlite3-multiple-ciphers); (b) plain better-sqlite3 with the same ` +
      `pragmas (checked), migrations and LocalStore code. The stores take turns, one call each, every call timed on its own. ` +
      `Unmeasured warm-up first: ${WARM_UP.patients} registrations and ${WARM_UP.searches} searches on throwaway stores.`,
  );

  const temp = makeTempFolder('eonpro-bench-local-');
  const opened: LocalStore[] = [];
  try {
    const open = (name: string, opener: (path: string) => LocalStore) => {
      mkdirSync(join(temp.dir, name));
      const path = join(temp.dir, name, 'clinic.db');
      const store = opener(path);
      opened.push(store);
      return { store, path };
    };
    const warmUpPatients = syntheticPatients(WARM_UP.patients, DEFAULT_SEED + 2);
    const warmUpQueries = searchQueries(warmUpPatients, WARM_UP.searches, DEFAULT_SEED + 3);
    measureStores([open('warm-up-a', openEncryptedStore).store, open('warm-up-b', openBaselineStore).store], warmUpPatients, warmUpQueries);

    const encrypted = open('encrypted', openEncryptedStore);
    const plain = open('plain', openBaselineStore);
    assertSameSettings(encrypted.store.db, plain.store.db);
    const versions = [sqliteVersion(encrypted.store.db), sqliteVersion(plain.store.db)];
    const [a, b] = measureStores([encrypted.store, plain.store], patients, queries) as [StoreMeasurement, StoreMeasurement];
    for (const store of opened) store.close();
    assertEncryption(encrypted.path, plain.path);

    console.log(`SQLite: (a) ${versions[0]}, (b) ${versions[1]}; files checked: (a) has no SQLite header, (b) has one.\n`);
    printComparison(a, b, { encrypted: statSync(encrypted.path).size, plain: statSync(plain.path).size });
  } finally {
    for (const store of opened) store.close();
    temp.remove();
  }
}

function printComparison(a: StoreMeasurement, b: StoreMeasurement, fileBytes: { encrypted: number; plain: number }): void {
  const row = (label: string, x: number, y: number, digits: number) => [label, formatNumber(x, digits), formatNumber(y, digits), `${(x / y).toFixed(2)}×`];
  const rows = [
    row('inserts/s', perSecond(a.insertMs.length, sum(a.insertMs)), perSecond(b.insertMs.length, sum(b.insertMs)), 0),
    row('total insert time (s)', sum(a.insertMs) / 1000, sum(b.insertMs) / 1000, 2),
    row('searches/s', perSecond(a.searchMs.length, sum(a.searchMs)), perSecond(b.searchMs.length, sum(b.searchMs)), 0),
    row('search p50 (ms)', percentile(a.searchMs, 50), percentile(b.searchMs, 50), 3),
    row('search p95 (ms)', percentile(a.searchMs, 95), percentile(b.searchMs, 95), 3),
    row('database file (MiB)', fileBytes.encrypted / 2 ** 20, fileBytes.plain / 2 ** 20, 1),
    ['patients / outbox / audit rows', storedRows(a), storedRows(b), ''],
    ...queryKinds.map((kind) => [`hit rate: ${kind}`, hitRate(a.hits[kind]), hitRate(b.hits[kind]), '']),
    ['hit rate: all', hitRate(totalHits(a)), hitRate(totalHits(b)), ''],
  ];
  printTable(['', '(a) SQLCipher', '(b) plain SQLite', 'a/b'], rows);
}

function emptyTallies(): StoreMeasurement['hits'] {
  return Object.fromEntries(queryKinds.map((kind) => [kind, { hits: 0, total: 0 }])) as StoreMeasurement['hits'];
}

function storedRows({ stored }: StoreMeasurement): string {
  return `${stored.patients} / ${stored.outbox} / ${stored.audit}`;
}

function hitRate({ hits, total }: { hits: number; total: number }): string {
  return total === 0 ? '-' : `${hits}/${total} (${((hits / total) * 100).toFixed(1)}%)`;
}

function totalHits(measurement: StoreMeasurement): { hits: number; total: number } {
  const tallies = Object.values(measurement.hits);
  return { hits: sum(tallies.map((t) => t.hits)), total: sum(tallies.map((t) => t.total)) };
}

/** Proves what is compared: the encrypted file must not read as SQLite, the plain one must. */
function assertEncryption(encryptedPath: string, plainPath: string): void {
  if (startsWithSqliteHeader(encryptedPath)) throw new Error('The encrypted store wrote a plain SQLite file');
  if (!startsWithSqliteHeader(plainPath)) throw new Error('The plain baseline did not write a plain SQLite file');
}

function startsWithSqliteHeader(path: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header.equals(SQLITE_HEADER);
}

function countRows(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function sqliteVersion(db: Db): string {
  return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
}
