import { existsSync } from 'node:fs';
import { AppError } from '@eonpro/core';
import { BreakGlassGrants, requirePatientAccess } from './access/breakGlass.ts';
import { appendAuditEvent } from './audit/appendAuditEvent.ts';
import { auditActorOf } from './audit/auditActor.ts';
import { prepareDataFolder, type DataFolder } from './dataFolder.ts';
import { lockDataFolder, type DataFolderLock } from './dataFolderLock.ts';
import { DeviceIdentity } from './device/deviceIdentity.ts';
import { eraseWorkstation } from './device/eraseWorkstation.ts';
import { revokedError, type Revocation } from './device/revocation.ts';
import { readRevocationMarker, removeRevocationMarker } from './device/revocationMarker.ts';
import { WorkstationStanding, type PendingApproval } from './device/workstationStanding.ts';
import { countUnsentOutbox, readIdleLockMinutes, readMostRecentLocalUser, readOfflineCredential } from './db/readers.ts';
import { saveIdleLockMinutes } from './db/writers.ts';
import { chooseKeyProvider } from './keys/chooseKeyProvider.ts';
import { isUnlockable, type KeyProvider } from './keys/keyProvider.ts';
import type { Actor } from './local/actor.ts';
import { LocalStore } from './local/localStore.ts';
import { createHostLogger, type HostLogger } from './logger.ts';
import { readServerCaFile, SERVER_CA_FILE_ENV } from './server/serverCaFile.ts';
import { ServerConnection } from './server/serverConnection.ts';
import { DEFAULT_IDLE_LOCK_MINUTES, IdleTracker, type Clock } from './session/idleLock.ts';
import { checkLocalPassword, WRONG_UNLOCK_PASSWORD } from './session/localPasswordCheck.ts';
import { SessionManager, type SecondFactorInput, type SessionLockReason, type SignInInput } from './session/sessionManager.ts';
import type { SessionState, SignedInUser } from './session/signedInUser.ts';
import { SyncEngine, type SyncStatus } from './sync/syncEngine.ts';

export interface HostOptions {
  dataDir: string;
  serverUrl: string;
  /**
   * A PEM file with the clinic's own certificate authority, for an https:// server whose certificate it issued
   * (trusted besides the public authorities; certificate checks are never turned off). Default $EONPRO_SERVER_CA_FILE.
   */
  serverCaFile?: string;
  /** Defaults to the OS keychain where one answers, else a workstation passphrase. */
  keyProvider?: KeyProvider;
  /** How often to sync while signed in; default 30 s. */
  syncIntervalMs?: number;
  /** The wall clock the idle lock reads (ms); tests pass one they move by hand. Default Date.now. */
  clock?: Clock;
}

export interface SessionStatus {
  state: SessionState;
  /** The signed-in user; while `session-locked`, the one whose password unlocks it. */
  user: Pick<SignedInUser, 'id' | 'name' | 'email' | 'role'> | null;
  clinicName: string | null;
  serverUrl: string;
  deviceId: string | null;
  online: boolean;
  /** Locked and no workstation passphrase set yet: the one entered now becomes it (ask for it twice). */
  needsNewPassphrase: boolean;
  /** Signed in against the local verifier while the server could not be reached. */
  signedInOffline: boolean;
  /** An offline session that could not go online by itself (e.g. the password changed): sign in online again to sync. */
  needsOnlineSignIn: boolean;
  /** The clinic's idle lock, in minutes (its policy as last received; 10 until then). */
  idleLockMinutes: number;
  /** While `session-locked`: whether the person locked it (`requested`) or the idle time passed (`idle`); else null. */
  lockReason: SessionLockReason | null;
  /** While `workstation-pending`: this workstation's name and the code the administrator compares before approving. */
  pendingApproval: Pick<PendingApproval, 'name' | 'code'> | null;
  /** While `workstation-revoked`: when and why the clinic revoked it, and when its local data was erased. */
  revocation: { revokedAt: string; reason: string; erasedAt: string; unsentChanges: number | null } | null;
}

export interface SignedInContext {
  store: LocalStore;
  user: SignedInUser;
  actor: Actor;
  sync: SyncEngine;
  /** Refuses a restricted patient's data without a break-glass grant (access/breakGlass.ts). */
  requirePatientAccess(patientId: string): void;
}

const DEFAULT_SYNC_INTERVAL_MS = 30_000;
/** How often the idle lock is checked (it is also checked on every call). */
const IDLE_CHECK_INTERVAL_MS = 5_000;

/** Everything the host owns: data folder, key, encrypted store, server connection, session and sync. */
export class HostRuntime {
  readonly folder: DataFolder;
  readonly logger: HostLogger;
  readonly connection: ServerConnection;
  readonly session: SessionManager;
  readonly breakGlass = new BreakGlassGrants();
  readonly standing = new WorkstationStanding();
  private identity: DeviceIdentity | null = null;
  private erasing: Promise<void> | null = null;
  private readonly keyProvider: KeyProvider;
  private readonly syncIntervalMs: number;
  private readonly clock: Clock;
  private readonly idle: IdleTracker;
  private readonly idleTimer: NodeJS.Timeout;
  private store: LocalStore | null = null;
  private folderLock: DataFolderLock | null = null;
  private sync: SyncEngine | null = null;

  private constructor(folder: DataFolder, keyProvider: KeyProvider, server: { url: string; caBundle?: string }, syncIntervalMs: number, clock: Clock) {
    this.folder = folder;
    this.keyProvider = keyProvider;
    this.syncIntervalMs = syncIntervalMs;
    this.clock = clock;
    this.idle = new IdleTracker(clock);
    this.logger = createHostLogger(folder.logPath, { deviceId: () => this.store?.deviceId ?? null });
    this.connection = new ServerConnection(server.url, (reason) => this.serverEndedSession(reason), { caBundle: server.caBundle });
    this.session = new SessionManager(this.connection, this.logger, clock);
    this.connection.onDeviceRevoked = (revocation) => void this.eraseRevokedWorkstation(revocation);
    this.idleTimer = setInterval(() => this.lockIfIdle(), IDLE_CHECK_INTERVAL_MS);
    this.idleTimer.unref();
  }

  static async start(options: HostOptions): Promise<HostRuntime> {
    const caFile = options.serverCaFile ?? process.env[SERVER_CA_FILE_ENV];
    const server = { url: options.serverUrl, ...(caFile ? { caBundle: readServerCaFile(caFile) } : {}) };
    const folder = prepareDataFolder(options.dataDir);
    const folderLock = lockDataFolder(folder.dir);
    try {
      const keyProvider = options.keyProvider ?? (await chooseKeyProvider(folder));
      const runtime = new HostRuntime(folder, keyProvider, server, options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS, options.clock ?? Date.now);
      runtime.folderLock = folderLock;
      // A workstation erased after its revocation stays so, showing why, until someone sets it up again.
      runtime.standing.revoked = readRevocationMarker(folder.dir);
      if (!runtime.standing.revoked && (!isUnlockable(keyProvider) || keyProvider.isUnlocked())) await runtime.openStore();
      runtime.logger.info({ folderId: folder.folderId, locked: runtime.store === null }, 'host started');
      return runtime;
    } catch (error) {
      folderLock.release();
      throw error;
    }
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
    if (this.standing.revoked) throw revokedError(this.standing.revoked);
    if (!this.store) throw new AppError('LOCKED', 'The workstation is locked: enter the workstation passphrase first.');
    return this.store;
  }

  requireSignedIn(): SignedInContext {
    const store = this.requireStore();
    this.lockIfIdle();
    const user = this.session.user;
    if (!user || !this.sync) throw new AppError('UNAUTHORIZED', 'Please sign in first.');
    if (this.session.locked) throw new AppError('UNAUTHORIZED', 'This session is locked. Enter your password to continue.');
    return {
      store,
      user,
      actor: { userId: user.id, role: user.role },
      sync: this.sync,
      requirePatientAccess: (patientId) => requirePatientAccess(store, this.breakGlass, user.id, patientId),
    };
  }

  /**
   * Signs in (online, or offline when the server cannot be reached). Someone else signing in on a locked or open
   * session ends that session: it is recorded as their sign-out and its server session is revoked.
   */
  async signIn(input: SignInInput): Promise<void> {
    const store = this.requireStore();
    const previous = this.session.user;
    const previousRefreshToken = this.connection.refreshToken;
    const user = await this.standing.watchSignIn(this.requireIdentity(), () => this.session.signIn(store, input));
    // A second step comes first: the session that is open (or locked) stays until it passes.
    if (user) this.afterSignIn(store, { previous, previousRefreshToken }, user);
  }

  /** The second step of a sign-in: a code from the authenticator app, or a recovery code. */
  async completeMfa(proof: SecondFactorInput): Promise<void> {
    const store = this.requireStore();
    const before = { previous: this.session.user, previousRefreshToken: this.connection.refreshToken };
    this.afterSignIn(store, before, await this.session.completeMfa(store, proof));
  }

  /** Sets up the authenticator at sign-in (roles that must have one); answers the recovery codes, shown once. */
  async confirmMfaEnrolment(code: string): Promise<string[]> {
    const store = this.requireStore();
    const before = { previous: this.session.user, previousRefreshToken: this.connection.refreshToken };
    const { user, recoveryCodes } = await this.session.confirmMfaEnrolment(store, code);
    this.afterSignIn(store, before, user);
    return recoveryCodes;
  }

  private afterSignIn(store: LocalStore, before: { previous: SignedInUser | null; previousRefreshToken: string | null }, user: SignedInUser): void {
    const { previous, previousRefreshToken } = before;
    if (previous && previous.id !== user.id) {
      appendAuditEvent(store, auditActorOf(previous), { action: 'sign-out', detail: { reason: 'another-user-signed-in' } });
      if (previousRefreshToken) void this.session.revoke(previousRefreshToken);
    }
    if (previous?.id !== user.id) this.breakGlass.clear();
    this.idle.touch();
  }

  async signOut(): Promise<void> {
    await this.session.signOut();
    this.breakGlass.clear();
  }

  /** The renderer saw the person type, click or scroll (it reports at most every few seconds). */
  reportActivity(): void {
    if (this.session.user && !this.session.locked) this.idle.touch();
  }

  /** Locks the session now (the person stepped away and said so), or when the clinic's idle time has passed. */
  lockSession(reason: SessionLockReason): void {
    const store = this.store;
    const user = this.session.user;
    if (!store || !user || this.session.locked) return;
    this.session.lock(reason);
    appendAuditEvent(store, auditActorOf(user), { action: 'session-lock', detail: { reason, idleLockMinutes: this.idleLockMinutes() } });
    this.logger.info({ userId: user.id, reason }, 'session locked');
  }

  /** Unlocks a locked session with its user's password, checked against their local verifier (online or not). */
  async unlockSession(password: string): Promise<void> {
    const store = this.requireStore();
    const user = this.session.user;
    if (!user || !this.session.locked) throw new AppError('CONFLICT', 'There is no locked session to unlock.');
    const credential = readOfflineCredential(store.db, user.id);
    if (!credential) throw new AppError('UNAUTHORIZED', 'This session cannot be unlocked here. Sign in again.');
    try {
      await checkLocalPassword(store, credential, password, new Date(this.clock()));
    } catch (error) {
      if (error instanceof AppError && error.code === 'ACCOUNT_DISABLED') this.session.endSession();
      if (error instanceof AppError && error.code === 'UNAUTHORIZED') throw new AppError('UNAUTHORIZED', WRONG_UNLOCK_PASSWORD);
      throw error;
    }
    this.session.unlocked(password);
    this.idle.touch();
    appendAuditEvent(store, auditActorOf(user), { action: 'session-unlock' });
    this.logger.info({ userId: user.id }, 'session unlocked');
    if (this.session.offline) this.syncSoon();
  }

  idleLockMinutes(): number {
    return (this.store && readIdleLockMinutes(this.store.db)) ?? DEFAULT_IDLE_LOCK_MINUTES;
  }

  applyIdleLockMinutes(minutes: number): void {
    if (this.store) saveIdleLockMinutes(this.store.db, minutes, new Date().toISOString());
  }

  private lockIfIdle(): void {
    if (this.session.user && !this.session.locked && this.idle.idleFor(this.idleLockMinutes())) this.lockSession('idle');
  }

  /**
   * The clinic's policy, fetched at the end of each sync (a sign-in starts one); kept for offline sessions. Never
   * throws. Run inside the sync, not beside it: requests in parallel open more keep-alive sockets to go stale.
   */
  private async refreshPolicy(): Promise<void> {
    const store = this.store;
    if (!store || !this.connection.signedIn) return;
    try {
      const policy = await this.connection.authorized((client) => client.policy.get.query());
      this.applyIdleLockMinutes(policy.idleLockMinutes);
    } catch (error) {
      this.logger.info({ online: this.connection.online, type: (error as Error).name }, 'clinic policy not refreshed');
    }
  }

  private serverEndedSession(reason: 'ended' | 'account-disabled'): void {
    if (reason === 'account-disabled') this.session.endForDisabledAccount(this.store);
    else this.session.endSession();
    this.breakGlass.clear();
  }

  /** The open store, or null while the workstation is locked. */
  storeIfOpen(): LocalStore | null {
    return this.store;
  }

  async sessionStatus(): Promise<SessionStatus> {
    await this.erasing;
    const store = this.store;
    const user = this.session.user;
    if (store && !user && this.session.needsSetup === null) await this.session.checkSetup();
    const lastUser = store && !user ? readMostRecentLocalUser(store.db) : null;
    this.lockIfIdle();
    const signedInState = this.session.locked ? 'session-locked' : 'signed-in';
    const secondStep = this.session.pendingSecondStep?.step ?? null;
    return {
      state: this.standing.revoked ? 'workstation-revoked' : !store ? 'workstation-locked' : !user && this.standing.pending ? 'workstation-pending' : secondStep ? secondStep : user ? signedInState : this.session.needsSetup ? 'needs-setup' : 'signed-out',
      user: user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null,
      clinicName: user?.tenantName ?? lastUser?.tenantName ?? null,
      serverUrl: this.connection.serverUrl,
      deviceId: store?.deviceId ?? null,
      online: this.connection.online ?? false,
      needsNewPassphrase: !store && isUnlockable(this.keyProvider) && !this.keyProvider.hasPassphrase(),
      signedInOffline: user !== null && this.session.offline,
      needsOnlineSignIn: this.session.needsOnlineSignIn,
      idleLockMinutes: this.idleLockMinutes(),
      lockReason: user && this.session.locked ? this.session.lockReason : null,
      pendingApproval: this.standing.pending && { name: this.standing.pending.name, code: this.standing.pending.code },
      revocation: this.standing.revoked,
    };
  }

  /** A waiting workstation asks the server whether it has been approved; true once it has (sign in again then). */
  async checkApproval(): Promise<boolean> {
    this.requireStore();
    return this.standing.checkApproval(this.connection, this.requireIdentity());
  }

  /**
   * The server answered DEVICE_REVOKED: end the session, close the database once any sync in progress has stopped,
   * erase the database and its key (device/eraseWorkstation.ts) and keep only the marker saying when and why.
   */
  eraseRevokedWorkstation(revocation: Revocation): Promise<void> {
    this.erasing ??= this.erase(revocation).catch((error: unknown) => {
      // Whatever failed, this workstation is revoked: it stays so, and says it.
      this.standing.revoked ??= { ...revocation, erasedAt: '', unsentChanges: null };
      this.logger.error({ err: { type: (error as Error).name, code: (error as { code?: unknown }).code } }, 'erasing the revoked workstation failed');
    });
    return this.erasing;
  }

  private async erase(revocation: Revocation): Promise<void> {
    const { store, sync } = this;
    // Revoked from this moment: every call says so while the files go.
    this.standing.revoked = { ...revocation, erasedAt: '', unsentChanges: null };
    this.store = null;
    this.sync = null;
    this.identity = null;
    this.connection.refreshProof = null;
    this.standing.pending = null;
    this.session.endSession();
    this.breakGlass.clear();
    await sync?.stop();
    // Unsent changes go with the database (by design): counted first, so the revoked screen can say so.
    const unsentChanges = store ? countUnsentOutbox(store.db) : null;
    store?.close();
    const { marker, keyErased } = await eraseWorkstation(this.folder, this.keyProvider, revocation, unsentChanges);
    this.standing.revoked = marker;
    this.logger.warn({ folderId: this.folder.folderId, deviceId: store?.deviceId ?? null, keyErased, unsentChanges }, 'workstation revoked by the clinic: local data erased');
  }

  /** After a revocation: start again as a new workstation (a new key and device id), which registers and waits for approval. */
  async setUpAgain(): Promise<void> {
    if (!this.standing.revoked) throw new AppError('CONFLICT', 'This workstation has not been revoked.');
    removeRevocationMarker(this.folder.dir);
    this.standing.revoked = null;
    this.erasing = null;
    if (!isUnlockable(this.keyProvider) || this.keyProvider.isUnlocked()) await this.openStore();
    this.logger.info({ folderId: this.folder.folderId }, 'workstation set up again after its revocation');
  }

  private requireIdentity(): DeviceIdentity {
    if (!this.identity) throw new AppError('LOCKED', 'The workstation is locked: enter the workstation passphrase first.');
    return this.identity;
  }

  /** After a sign-in: sync at once, in the background. */
  syncSoon(): void {
    void this.sync?.syncNow();
  }

  async syncNow(): Promise<SyncStatus> {
    this.requireStore();
    const status = await this.sync!.syncNow().catch((error: unknown) => {
      if (!this.erasing) throw error;
      return null;
    });
    // The server revoked this workstation during the sync: answer once its data is gone.
    if (this.erasing) {
      await this.erasing;
      throw revokedError(this.standing.revoked!);
    }
    return status!;
  }

  syncStatus(): SyncStatus {
    this.requireStore();
    return this.sync!.status();
  }

  async close(): Promise<void> {
    clearInterval(this.idleTimer);
    await this.sync?.stop();
    this.store?.close();
    this.store = null;
    this.folderLock?.release();
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
    const identity = DeviceIdentity.read(store.db, store.deviceId);
    this.identity = identity;
    this.connection.refreshProof = (refreshToken) => identity.proof('refresh', refreshToken, this.connection.serverUrl);
    this.sync = new SyncEngine({
      store,
      connection: this.connection,
      logger: this.logger,
      intervalMs: this.syncIntervalMs,
      actor: () => auditActorOf(this.session.user),
      reconnect: () => this.session.reconnect(store),
      afterSync: () => this.refreshPolicy(),
    });
    this.sync.start();
  }
}
