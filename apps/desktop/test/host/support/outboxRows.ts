import type { Db } from '../../../src/host/db/openDatabase.ts';

export function outboxSeqs(db: Db): number[] {
  return (db.prepare('SELECT seq FROM outbox ORDER BY seq').all() as { seq: number }[]).map((row) => row.seq);
}

export function countRows(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
