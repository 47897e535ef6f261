import { AppError } from '@eonpro/core';
import { TRPCClientError } from '@trpc/client';
import { appendAuditEvent } from '../audit/appendAuditEvent.ts';
import type { AuditActor } from '../audit/auditActor.ts';
import { pushAuditEntries } from '../audit/pushAuditEntries.ts';
import { countPendingOutbox, readRejectedOutbox, readSyncState } from '../db/readers.ts';
import { saveSyncError, saveSyncSuccess } from '../db/writers.ts';
import type { LocalStore } from '../local/localStore.ts';
import type { HostLogger } from '../logger.ts';
import { CERTIFICATE_PROBLEM_MESSAGES } from '../server/certificateProblem.ts';
import { isConnectionFailure } from '../server/connectionFailure.ts';
import type { ServerConnection } from '../server/serverConnection.ts';
import { dismissRejected } from './dismissRejected.ts';
import { pullChanges, type PullProgress } from './pullChanges.ts';
import { pushOutbox } from './pushOutbox.ts';
import { toRejectedMutation, type RejectedMutation } from './rejectedMutation.ts';

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState;
  pending: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  rejected: RejectedMutation[];
  pull: PullProgress | null;
}

/** The first retry after losing the server; it doubles on each failure up to MAX_RETRY_DELAY_MS. */
const FIRST_RETRY_DELAY_MS = 5_000;
const MAX_RETRY_DELAY_MS = 5 * 60_000;

/**
 * Push, then the audit entries, then pull, on an interval and on demand; one run at a time. Losing the server is a
 * normal state ('offline'): nothing is lost, and it retries with back-off. Runs only while someone is signed in.
 * Each push and pull that moved anything is recorded in the audit chain with its counts.
 */
export class SyncEngine {
  private state: SyncState = 'idle';
  private pull: PullProgress | null = null;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly store: LocalStore;
  private readonly connection: ServerConnection;
  private readonly logger: HostLogger;
  private readonly intervalMs: number;
  private readonly actor: () => AuditActor;
  private readonly reconnect: () => Promise<boolean>;
  private readonly afterSync: () => Promise<void>;

  constructor(options: {
    store: LocalStore;
    connection: ServerConnection;
    logger: HostLogger;
    intervalMs: number;
    /** Who the sync runs for (the signed-in user), as its audit entries record them. */
    actor: () => AuditActor;
    /** With no server session: try to get one (an offline sign-in going online); true when there is one now. */
    reconnect?: () => Promise<boolean>;
    /** After each successful sync, e.g. to refresh the clinic's policy. */
    afterSync?: () => Promise<void>;
  }) {
    this.store = options.store;
    this.connection = options.connection;
    this.logger = options.logger;
    this.intervalMs = options.intervalMs;
    this.actor = options.actor;
    this.reconnect = options.reconnect ?? (async () => false);
    this.afterSync = options.afterSync ?? (async () => {});
  }

  start(): void {
    this.schedule(this.intervalMs);
  }

  /** Runs a sync after any run in progress, and answers with the status it left. */
  async syncNow(): Promise<SyncStatus> {
    if (!this.stopped) this.queue = this.queue.then(() => this.runOnce());
    await this.queue;
    return this.status();
  }

  status(): SyncStatus {
    const saved = readSyncState(this.store.db)!;
    return {
      state: this.state,
      pending: countPendingOutbox(this.store.db),
      lastSuccessAt: saved.lastSuccessAt,
      lastError: saved.lastError,
      rejected: readRejectedOutbox(this.store.db).map(toRejectedMutation),
      pull: this.pull,
    };
  }

  /** Forget a refused change, restore the record, and pull the server's current state in the background. */
  dismissRejected(mutationId: string): void {
    dismissRejected(this.store, this.actor(), mutationId);
    this.logger.info({ mutationId }, 'rejected change dismissed');
    void this.syncNow();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.queue;
  }

  private async runOnce(): Promise<void> {
    if (this.stopped) return;
    if (!this.connection.signedIn && !(await this.reconnect())) {
      // An offline session whose server is still out of reach: its changes wait, as when a sync finds no server.
      if (this.connection.online === false) this.wentOffline();
      this.schedule(this.intervalMs);
      return;
    }
    this.state = 'syncing';
    let nextDelay = this.intervalMs;
    try {
      const pushed = await pushOutbox(this.store, this.connection);
      if (pushed.accepted + pushed.rejected > 0) {
        appendAuditEvent(this.store, this.actor(), { action: 'sync-push', detail: { accepted: pushed.accepted, rejected: pushed.rejected } });
      }
      // A refused audit push must not keep the server's changes from reaching this workstation: pull first, then report it.
      let auditSent = 0;
      let auditRefused: unknown = null;
      try {
        auditSent = await pushAuditEntries(this.store, this.connection);
      } catch (error) {
        if (isConnectionFailure(error)) throw error;
        auditRefused = error;
      }
      const received = await pullChanges(this.store, this.connection, (progress) => {
        this.pull = progress;
      });
      if (received > 0) appendAuditEvent(this.store, this.actor(), { action: 'sync-pull', detail: { received } });
      if (auditRefused) throw auditRefused;
      saveSyncSuccess(this.store.db, new Date().toISOString());
      await this.afterSync();
      this.state = 'idle';
      this.failures = 0;
      this.logger.info({ accepted: pushed.accepted, rejected: pushed.rejected, auditSent, received }, 'sync finished');
    } catch (error) {
      if (isConnectionFailure(error)) {
        this.wentOffline();
        this.failures++;
        nextDelay = Math.min(FIRST_RETRY_DELAY_MS * 2 ** (this.failures - 1), MAX_RETRY_DELAY_MS, this.intervalMs);
        this.logger.info({ failures: this.failures, retryInMs: nextDelay, certificateProblem: this.connection.certificateProblem }, 'sync server unreachable');
      } else {
        this.state = 'error';
        saveSyncError(this.store.db, describeSyncError(error));
        this.logger.error({ err: { type: (error as Error).name, code: (error as { code?: unknown }).code } }, 'sync failed');
      }
    } finally {
      this.pull = null;
      this.schedule(nextDelay);
    }
  }

  private wentOffline(): void {
    this.state = 'offline';
    // Reachable but not trusted: a person must act (a CA file, a renewal), so the sync panel says why.
    const problem = this.connection.certificateProblem;
    if (problem) saveSyncError(this.store.db, CERTIFICATE_PROBLEM_MESSAGES[problem]);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow(), delayMs);
    this.timer.unref();
  }
}

/** A sentence for the sync panel; the server's messages carry no PHI, internal ones are not shown. */
function describeSyncError(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof TRPCClientError && error.data) return `The sync server refused the sync: ${error.message}`;
  return 'Sync failed on this workstation. Nothing was lost; it will try again.';
}
