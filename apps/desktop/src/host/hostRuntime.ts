import { existsSync } from 'node:fs';
import { AppError } from '@eonpro/core';
import { auditActorOf } from './audit/auditActor.ts';
import { prepareDataFolder, type DataFolder } from './dataFolder.ts';
import { readMostRecentLocalUser } from './db/readers.ts';
import { chooseKeyProvider } from './keys/chooseKeyProvider.ts';
import { isUnlockable, type KeyProvider } from './keys/keyProvider.ts';
import type { Actor } from './local/actor.ts';
import { LocalStore } from './local/localStore.ts';
import { createHostLogger, type HostLogger } from './logger.ts';
import { ServerConnection } from './server/serverConnection.ts';
import { SessionManager } from './session/sessionManager.ts';
import type { SessionState, SignedInUser } from './session/signedInUser.ts';
import { SyncEngine, type SyncStatus } from './sync/syncEngine.ts';

export interface HostOptions {
  dataDir: string;
  serverUrl: string;
  /** Defaults to the OS keychain where one answers, else a workstation passphrase. */
  keyProvider?: KeyProvider;
  /** How often to sync while signed in; default 30 s. */
  syncIntervalMs?: number;
}

export interface SessionStatus {
  state: SessionState;
  user: Pick<SignedInUser, 'id' | 'name' | 'email' | 'role'> | null;
  clinicName: string | null;
  serverUrl: string;
  deviceId: string | null;
  online: boolean;
  /** Locked and no workstation passphrase set yet: the one entered now becomes it (ask for it twice). */
  needsNewPassphrase: boolean;
}

export interface SignedInContext {
  store: LocalStore;
  user: SignedInUser;
  actor: Actor;
  sync: SyncEngine;
}

const DEFAULT_SYNC_INTERVAL_MS = 30_000;

/** Everything the host owns: data folder, key, encrypted store, server connection, session and sync. */
export class HostRuntime {
  readonly folder: DataFolder;
  readonly logger: HostLogger;
  readonly connection: ServerConnection;
  readonly session: SessionManager;
  private readonly keyProvider: KeyProvider;
  private readonly syncIntervalMs: number;
  private store: LocalStore | null = null;
  private sync: SyncEngine | null = null;

  private constructor(folder: DataFolder, keyProvider: KeyProvider, serverUrl: string, syncIntervalMs: number) {
    this.folder = folder;
    this.keyProvider = keyProvider;
    this.syncIntervalMs = syncIntervalMs;
    this.logger = createHostLogger(folder.logPath, { deviceId: () => this.store?.deviceId ?? null });
    this.connection = new ServerConnection(serverUrl, () => this.session.endSession());
    this.session = new SessionManager(this.connection, this.logger);
  }

  static async start(options: HostOptions): Promise<HostRuntime> {
    const folder = prepareDataFolder(options.dataDir);
    const keyProvider = options.keyProvider ?? (await chooseKeyProvider(folder));
    const runtime = new HostRuntime(folder, keyProvider, options.serverUrl, options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS);
    if (!isUnlockable(keyProvider) || keyProvider.isUnlocked()) await runtime.openStore();
    runtime.logger.info({ folderId: folder.folderId, locked: runtime.store === null }, 'host started');
    return runtime;
  }

  /** Opens the database with the workstation passphrase (the first time, sets it). */
  async unlockWorkstation(passphrase: string): Promise<void> {
    if (this.store) return;
    const provider = this.keyProvider;
    if (!isUnlockable(provider)) throw new AppError('CONFLICT', 'This workstation keeps its key in the OS keychain; no passphrase is needed.');
    if (!provider.hasPassphrase() && existsSync(this.folder.databasePath)) {
      throw new AppError(
        'LOCKED',
        "This workstation's data was encrypted with a key that is not available here (kept in an OS keychain that cannot be reached, or a missing key file). A new passphrase cannot open it.",
      );
    }
    await provider.unlock(passphrase);
    await this.openStore();
    this.logger.info({ folderId: this.folder.folderId }, 'workstation unlocked');
  }

  requireStore(): LocalStore {
    if (!this.store) throw new AppError('LOCKED', 'The workstation is locked: enter the workstation passphrase first.');
    return this.store;
  }

  requireSignedIn(): SignedInContext {
    const store = this.requireStore();
    const user = this.session.user;
    if (!user || !this.sync) throw new AppError('UNAUTHORIZED', 'Please sign in first.');
    return { store, user, actor: { userId: user.id, role: user.role }, sync: this.sync };
  }

  /** The open store, or null while the workstation is locked. */
  storeIfOpen(): LocalStore | null {
    return this.store;
  }

  async sessionStatus(): Promise<SessionStatus> {
    const store = this.store;
    const user = this.session.user;
    if (store && !user && this.session.needsSetup === null) await this.session.checkSetup();
    const lastUser = store && !user ? readMostRecentLocalUser(store.db) : null;
    return {
      state: !store ? 'workstation-locked' : user ? 'signed-in' : this.session.needsSetup ? 'needs-setup' : 'signed-out',
      user: user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null,
      clinicName: user?.tenantName ?? lastUser?.tenantName ?? null,
      serverUrl: this.connection.serverUrl,
      deviceId: store?.deviceId ?? null,
      online: this.connection.online ?? false,
      needsNewPassphrase: !store && isUnlockable(this.keyProvider) && !this.keyProvider.hasPassphrase(),
    };
  }

  /** After a sign-in: sync at once, in the background. */
  syncSoon(): void {
    void this.sync?.syncNow();
  }

  async syncNow(): Promise<SyncStatus> {
    this.requireStore();
    return this.sync!.syncNow();
  }

  syncStatus(): SyncStatus {
    this.requireStore();
    return this.sync!.status();
  }

  async close(): Promise<void> {
    await this.sync?.stop();
    this.store?.close();
    this.store = null;
    this.logger.info('host stopped');
    this.logger.flush();
  }

  private async openStore(): Promise<void> {
    const key = await this.keyProvider.getDatabaseKey();
    if (this.store) {
      key.fill(0); // another unlock got there first
      return;
    }
    const store = LocalStore.open(this.folder.databasePath, key);
    this.store = store;
    this.sync = new SyncEngine({
      store,
      connection: this.connection,
      logger: this.logger,
      intervalMs: this.syncIntervalMs,
      actor: () => auditActorOf(this.session.user),
    });
    this.sync.start();
  }
}
