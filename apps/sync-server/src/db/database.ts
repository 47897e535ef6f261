/**
 * The one storage seam of the server: the same SQL runs on PGlite (embedded) and PostgreSQL (production).
 * Both implementations return dates as 'YYYY-MM-DD' strings and bigints as numbers, so callers never see a
 * difference between them.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Transaction extends Queryable {
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction: committed when fn resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseOptions = { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; url: string };

/** PostgreSQL type ids whose text form both implementations parse the same way. */
export const PG_TYPE = { int8: 20, date: 1082 } as const;

/** Row counts fit a JS number many times over; dates stay calendar dates with no time zone attached. */
export const sharedTypeParsers: Record<number, (text: string) => unknown> = {
  [PG_TYPE.int8]: (text) => Number(text),
  [PG_TYPE.date]: (text) => text,
};
