import type { Database } from 'better-sqlite3-multiple-ciphers';

/** One numbered schema step. Frozen once released: a later change is a new migration, never an edit. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
