/**
 * npm run bench -- local [--count 20000] [--searches 1000]
 * The encrypted store as the host opens it against the same schema and code on plain SQLite: registrations and searches.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { uuidv7 } from '@eonpro/core';
import type { Db } from '../apps/desktop/src/host/db/openDatabase.ts';
import { LocalStore } from '../apps/desktop/src/host/local/localStore.ts';
import { searchPatients } from '../apps/desktop/src/host/local/patientSearch.ts';
import { registerPatient } from '../apps/desktop/src/host/local/patients.ts';
import { describeMachine } from './machine.ts';
import { assertSameSettings, openPlainStore } from './plainStore.ts';
import { isHit, queryKinds, searchQueries, type BenchQuery, type QueryKind } from './searchQueries.ts';
import { percentile, perSecond, sum } from './stats.ts';
import { DEFAULT_SEED, syntheticPatients, type SyntheticPatient } from './syntheticPatients.ts';
import { formatNumber, printTable } from './table.ts';
import { makeTempFolder } from './tempFolder.ts';

export interface StoreMeasurement {
  inserted: number;
  insertMs: number;
  /** One duration per search, in query order. */
  searchMs: number[];
  hits: Record<QueryKind, { hits: number; total: number }>;
  stored: { patients: number; outbox: number; searchGrams: number };
}

const WARM_UP = { patients: 300, searches: 100 };
const SQLITE_HEADER = Buffer.from('SQLite format 3\0');

/**
 * The core loop: registers every patient through the host's write path (validation, row, name trigrams, outbox
 * entry; one transaction each), then runs every search through the host's search, timing each call.
 */
export function measureStore(store: LocalStore, patients: readonly SyntheticPatient[], queries: readonly BenchQuery[]): StoreMeasurement {
  const actor = { userId: uuidv7() };
  const ids: string[] = [];
  const insertStart = performance.now();
  for (const patient of patients) ids.push(registerPatient(store, actor, patient).id);
  const insertMs = performance.now() - insertStart;

  const hits = Object.fromEntries(queryKinds.map((kind) => [kind, { hits: 0, total: 0 }])) as StoreMeasurement['hits'];
  const searchMs: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    const { results } = searchPatients(store, query.text);
    searchMs.push(performance.now() - start);
    const tally = hits[query.kind];
    tally.total++;
    if (isHit(query, results, ids[query.patientIndex]!)) tally.hits++;
  }
  return {
    inserted: ids.length,
    insertMs,
    searchMs,
    hits,
    stored: {
      patients: countRows(store.db, 'patients'),
      outbox: countRows(store.db, 'outbox'),
      searchGrams: countRows(store.db, 'patient_search'),
    },
  };
}

export function openEncryptedStore(path: string): LocalStore {
  return LocalStore.open(path, randomBytes(32));
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
      `(validation, row, name trigrams, outbox entry), then the same ${formatNumber(searchCount)} searches through its searchPatients, ` +
      `each call timed. (a) SQLCipher 4 opened by the host's LocalStore.open (better-sqlite3-multiple-ciphers); ` +
      `(b) plain better-sqlite3, same pragmas (checked), same migrations, same LocalStore code. ` +
      `Both after an unmeasured warm-up of ${WARM_UP.patients} registrations and ${WARM_UP.searches} searches on throwaway stores.`,
  );

  const temp = makeTempFolder('eonpro-bench-local-');
  try {
    const path = (name: string) => {
      mkdirSync(join(temp.dir, name));
      return join(temp.dir, name, 'clinic.db');
    };
    const warmUpPatients = syntheticPatients(WARM_UP.patients, DEFAULT_SEED + 2);
    const warmUpQueries = searchQueries(warmUpPatients, WARM_UP.searches, DEFAULT_SEED + 3);
    for (const store of [openEncryptedStore(path('warm-up-encrypted')), openPlainStore(path('warm-up-plain'))]) {
      measureStore(store, warmUpPatients, warmUpQueries);
      store.close();
    }

    const encryptedPath = path('encrypted');
    const plainPath = path('plain');
    const encrypted = openEncryptedStore(encryptedPath);
    const plain = openPlainStore(plainPath);
    assertSameSettings(encrypted.db, plain.db);
    const versions = { encrypted: sqliteVersion(encrypted.db), plain: sqliteVersion(plain.db) };

    const a = measureStore(encrypted, patients, queries);
    encrypted.close();
    const b = measureStore(plain, patients, queries);
    plain.close();
    assertEncryption(encryptedPath, plainPath);

    console.log(`SQLite: (a) ${versions.encrypted}, (b) ${versions.plain}; files checked: (a) has no SQLite header, (b) has one.\n`);
    printComparison(a, b, { encrypted: statSync(encryptedPath).size, plain: statSync(plainPath).size });
  } finally {
    temp.remove();
  }
}

function printComparison(a: StoreMeasurement, b: StoreMeasurement, fileBytes: { encrypted: number; plain: number }): void {
  const row = (label: string, x: number, y: number, digits: number) => [label, formatNumber(x, digits), formatNumber(y, digits), `${(x / y).toFixed(2)}×`];
  const rows = [
    row('inserts/s', perSecond(a.inserted, a.insertMs), perSecond(b.inserted, b.insertMs), 0),
    row('total insert time (s)', a.insertMs / 1000, b.insertMs / 1000, 2),
    row('searches/s', perSecond(a.searchMs.length, sum(a.searchMs)), perSecond(b.searchMs.length, sum(b.searchMs)), 0),
    row('search p50 (ms)', percentile(a.searchMs, 50), percentile(b.searchMs, 50), 3),
    row('search p95 (ms)', percentile(a.searchMs, 95), percentile(b.searchMs, 95), 3),
    row('database file (MiB)', fileBytes.encrypted / 2 ** 20, fileBytes.plain / 2 ** 20, 1),
    ['patients / outbox entries', `${a.stored.patients} / ${a.stored.outbox}`, `${b.stored.patients} / ${b.stored.outbox}`, ''],
    ...queryKinds.map((kind) => [`hit rate: ${kind}`, hitRate(a.hits[kind]), hitRate(b.hits[kind]), '']),
    ['hit rate: all', hitRate(totalHits(a)), hitRate(totalHits(b)), ''],
  ];
  printTable(['', '(a) SQLCipher', '(b) plain SQLite', 'a/b'], rows);
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

function positiveInteger(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${option} must be a whole number of at least 1`);
  return value;
}
