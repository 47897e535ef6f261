import { ClockDriftError, HybridClock, uuidv7, type Hlc } from '@eonpro/core';
import { openClinicDatabase, type Db } from '../db/openDatabase.ts';
import { readSyncState } from '../db/readers.ts';
import { insertSyncState, saveClockHighWater } from '../db/writers.ts';

/**
 * The open, encrypted local database with this device's identity and clock. The device id (UUIDv7) is made
 * on first start and kept in the database; the clock resumes from its persisted high-water mark.
 */
export class LocalStore {
  readonly db: Db;
  readonly deviceId: string;
  private readonly clock: HybridClock;

  private constructor(db: Db, deviceId: string, clock: HybridClock) {
    this.db = db;
    this.deviceId = deviceId;
    this.clock = clock;
  }

  static open(databasePath: string, key: Buffer): LocalStore {
    let db: Db;
    try {
      db = openClinicDatabase(databasePath, key);
    } finally {
      key.fill(0);
    }
    return LocalStore.fromDatabase(db);
  }

  /**
   * The store on a connection that is already open and migrated. The host always comes through `open`; this lets
   * the benchmark run the very same code on an unencrypted connection for comparison. Closes `db` if it fails.
   */
  static fromDatabase(db: Db): LocalStore {
    try {
      let state = readSyncState(db);
      if (!state) {
        insertSyncState(db, uuidv7());
        state = readSyncState(db)!;
      }
      const clock = new HybridClock(state.deviceId);
      clock.observe(state.hlc);
      return new LocalStore(db, state.deviceId, clock);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Runs `work` in one write transaction: all of it is stored, or none. */
  transaction<T>(work: () => T): T {
    return this.db.inTransaction ? work() : this.db.transaction(work).immediate();
  }

  /** A timestamp for a local change, persisted as the clock's high-water mark in the caller's transaction. */
  tick(): Hlc {
    const hlc = this.clock.tick();
    saveClockHighWater(this.db, hlc);
    return hlc;
  }

  /** Moves the clock past a timestamp from the server, so later local changes sort after it. */
  observeRemote(remote: Hlc): void {
    try {
      saveClockHighWater(this.db, this.clock.receive(remote));
    } catch (error) {
      // A server clock far ahead of ours is not adopted: the server clamps clocks and says so on push.
      if (!(error instanceof ClockDriftError)) throw error;
    }
  }

  close(): void {
    if (!this.db.open) return;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
