import { hostname } from 'node:os';
import { AppError } from '@eonpro/core';
import { z } from 'zod';
import { appendAuditEvent } from '../audit/appendAuditEvent.ts';
import { auditActorOf } from '../audit/auditActor.ts';
import { DeviceIdentity } from '../device/deviceIdentity.ts';
import { readSyncState } from '../db/readers.ts';
import { saveOfflineCredential, saveTenant, upsertLocalUser } from '../db/writers.ts';
import type { LocalStore } from '../local/localStore.ts';
import type { HostLogger } from '../logger.ts';
import { isCertificateRefusal } from '../server/certificateProblem.ts';
import type { ServerConnection, ServerTokens } from '../server/serverConnection.ts';
import { toAppError } from '../server/serverErrors.ts';
import { normalisedEmail } from './normalisedEmail.ts';
import { markAccountDisabled, NEVER_SIGNED_IN_HERE, signInOffline } from './offlineSignIn.ts';
import { makeOfflineVerifier } from './offlineVerifier.ts';
import { endsSecondStep, requirePendingStep, type OfflineVerifier, type PendingSecondStep } from './pendingSecondStep.ts';
import type { SignedInUser } from './signedInUser.ts';

/** The sign-in screen asks this on every visit; it must answer quickly even when the link is dead. */
const SETUP_CHECK_TIMEOUT_MS = 5_000;
/** A dead link must not keep someone from signing in offline for long; a slow answer still gets 15 s. */
const SIGN_IN_TIMEOUT_MS = 15_000;

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Required').max(320),
  password: z.string().min(1, 'Required').max(1024),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const setupClinicSchema = z.object({
  clinicName: z.string().trim().min(1, 'Required').max(200),
  adminName: z.string().trim().min(1, 'Required').max(200),
  email: z.string().trim().min(1, 'Required').max(320),
  password: z.string().min(1, 'Required').max(1024),
});
export type SetupClinicInput = z.infer<typeof setupClinicSchema>;

/** A 6-digit code from the authenticator app, or one recovery code instead. */
export const secondFactorSchema = z.union([
  z.object({ code: z.string().trim().min(1, 'Required').max(20) }).strict(),
  z.object({ recoveryCode: z.string().trim().min(1, 'Required').max(40) }).strict(),
]);
export type SecondFactorInput = z.infer<typeof secondFactorSchema>;

/** What the server answers a completed sign-in with. */
type ServerSession = ServerTokens & { user: SignedInUser };

/**
 * Online sign-in against the sync server. The user and tokens live in memory; local_users keeps who signed in
 * here (no secrets). A workstation belongs to one clinic: a user of another clinic cannot sign in on it.
 */
export type SessionLockReason = 'idle' | 'requested';

export class SessionManager {
  user: SignedInUser | null = null;
  /** Signed in against the local verifier while the server could not be reached: no server tokens yet. */
  offline = false;
  /** Suspended after the clinic's idle time: the user stays, nothing may be done until they enter their password. */
  locked = false;
  /** Why the session last locked: the person asked (`requested`) or the clinic's idle time passed (`idle`). */
  lockReason: SessionLockReason = 'idle';
  /**
   * The password of an offline session, kept in memory only until the server answers again, so the host can get
   * server tokens at once (and learn whether the account was disabled meanwhile). Dropped on lock and sign-out.
   */
  private offlinePassword: Buffer | null = null;
  /** What the server last said about setup; null until it has answered. */
  needsSetup: boolean | null = null;
  /** A password the server accepted, waiting for the second step (a code, or setting up the authenticator). */
  pendingSecondStep: PendingSecondStep | null = null;
  private readonly connection: ServerConnection;
  private readonly logger: HostLogger;
  /** The wall clock for the local lock-out (ms); the host's, which tests move by hand. */
  private readonly now: () => number;

  constructor(connection: ServerConnection, logger: HostLogger, now: () => number = Date.now) {
    this.connection = connection;
    this.logger = logger;
    this.now = now;
  }

  /** Asks the server whether a clinic exists yet; without an answer the last one stays in place. */
  async checkSetup(): Promise<void> {
    try {
      const { needsSetup } = await this.connection.call((client) =>
        client.setup.status.query(undefined, { signal: AbortSignal.timeout(SETUP_CHECK_TIMEOUT_MS) }),
      );
      this.needsSetup = needsSetup;
    } catch (error) {
      this.logger.info({ online: this.connection.online, code: toAppError(error).code }, 'setup status not available');
    }
  }

  async setupClinic(store: LocalStore, input: SetupClinicInput): Promise<SignedInUser | null> {
    try {
      await this.connection.call((client) => client.setup.createClinic.mutate(input));
    } catch (error) {
      throw toAppError(error);
    }
    this.needsSetup = false;
    this.logger.info('clinic created');
    return this.signIn(store, { email: input.email, password: input.password });
  }

  /**
   * Online when the server answers; when it cannot be reached, offline against the local verifier. Null when the
   * server asks for a second step first (see pendingSecondStep, completeMfa, confirmMfaEnrolment).
   */
  async signIn(store: LocalStore, input: SignInInput): Promise<SignedInUser | null> {
    try {
      return await this.signInOnline(store, input);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'OFFLINE') throw error;
      return await this.startOfflineSession(store, input).catch((offline: unknown) => {
        // Someone new here cannot sign in offline: a refused certificate is then the reason worth showing.
        throw offline instanceof AppError && offline.message === NEVER_SIGNED_IN_HERE && isCertificateRefusal(error) ? error : offline;
      });
    }
  }

  private async signInOnline(store: LocalStore, input: SignInInput): Promise<SignedInUser | null> {
    let answer;
    try {
      answer = await this.connection.call((client) =>
        client.auth.signIn.mutate({
          email: input.email,
          password: input.password,
          deviceId: store.deviceId,
          deviceName: hostname(),
          // The workstation's public key and its proof of holding the private one (see device/deviceIdentity.ts).
          ...DeviceIdentity.read(store.db, store.deviceId).signInFields(input.email, this.connection.serverUrl),
        }, { signal: AbortSignal.timeout(SIGN_IN_TIMEOUT_MS) }),
      );
    } catch (error) {
      const refused = toAppError(error);
      if (refused.code === 'ACCOUNT_DISABLED') markAccountDisabled(store, input.email, this.logger);
      throw refused;
    }
    // Only a password the server accepted becomes the local verifier (hashed before the transaction: it takes a while).
    const verifier = await makeOfflineVerifier(input.password);
    this.pendingSecondStep = null;
    if (answer.status !== 'signed-in') {
      const { status: step, challengeToken, challengeExpiresAt } = answer;
      this.pendingSecondStep = { step, challengeToken, expiresAt: Date.parse(challengeExpiresAt), email: input.email, verifier };
      this.logger.info({ step, deviceId: store.deviceId }, 'password accepted, second step next');
      return null;
    }
    return this.finishOnlineSignIn(store, { email: input.email, verifier }, answer);
  }

  /** The server answered with a session: bind the workstation to its clinic, remember the user, keep the tokens. */
  private async finishOnlineSignIn(store: LocalStore, login: { email: string; verifier: OfflineVerifier }, answer: ServerSession): Promise<SignedInUser> {
    const { email, verifier } = login;
    this.pendingSecondStep = null;
    const user: SignedInUser = { ...answer.user };
    const boundTenant = readSyncState(store.db)?.tenantId ?? null;
    if (boundTenant !== null && boundTenant !== user.tenantId) {
      await this.revoke(answer.refreshToken);
      throw new AppError('FORBIDDEN', 'This workstation belongs to another clinic. Sign in with an account of that clinic.');
    }
    store.transaction(() => {
      if (boundTenant === null) saveTenant(store.db, user.tenantId);
      upsertLocalUser(store.db, { ...user, lastSignedInAt: new Date().toISOString() });
      saveOfflineCredential(store.db, { userId: user.id, email: normalisedEmail(email), verifier, at: new Date().toISOString() });
      appendAuditEvent(store, auditActorOf(user), { action: 'sign-in' });
    });
    this.connection.setTokens(answer);
    this.dropOfflinePassword();
    this.offline = false;
    this.locked = false;
    this.user = user;
    this.needsSetup = false;
    this.logger.info({ userId: user.id, tenantId: user.tenantId, deviceId: store.deviceId }, 'signed in');
    return user;
  }

  /** The second step with a code from the authenticator app, or one recovery code. */
  async completeMfa(store: LocalStore, proof: SecondFactorInput): Promise<SignedInUser> {
    const pending = requirePendingStep(this.pendingSecondStep, 'mfa-required', Date.now());
    const session = await this.secondStepCall(() =>
      this.connection.call((client) => client.auth.completeMfa.mutate({ challengeToken: pending.challengeToken, ...proof })),
    );
    this.logger.info({ userId: session.user.id, method: 'code' in proof ? 'totp' : 'recovery-code' }, 'second step passed');
    return this.finishOnlineSignIn(store, pending, session);
  }

  /** For a role that must have an authenticator: the QR code's URI and the secret, to set one up. */
  async beginMfaEnrolment(): Promise<{ otpauthUri: string; secret: string }> {
    const pending = requirePendingStep(this.pendingSecondStep, 'mfa-enrolment-required', Date.now());
    return this.secondStepCall(() => this.connection.call((client) => client.auth.beginMfaEnrolment.mutate({ challengeToken: pending.challengeToken })));
  }

  /** A first code from the new authenticator: signed in, with the recovery codes to show this once. */
  async confirmMfaEnrolment(store: LocalStore, code: string): Promise<{ user: SignedInUser; recoveryCodes: string[] }> {
    const pending = requirePendingStep(this.pendingSecondStep, 'mfa-enrolment-required', Date.now());
    const enrolled = await this.secondStepCall(() =>
      this.connection.call((client) => client.auth.confirmMfaEnrolment.mutate({ challengeToken: pending.challengeToken, code })),
    );
    this.logger.info({ userId: enrolled.session.user.id }, 'two-step sign-in set up');
    return { user: await this.finishOnlineSignIn(store, pending, enrolled.session), recoveryCodes: enrolled.recoveryCodes };
  }

  /** A server refusal as an AppError; one that is not about the code itself ends the pending step. */
  private async secondStepCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const refused = toAppError(error);
      if (endsSecondStep(refused)) this.pendingSecondStep = null;
      throw refused;
    }
  }

  /** Ends the session here at once; tells the server too when it can be reached. */
  async signOut(): Promise<void> {
    const refreshToken = this.connection.refreshToken;
    const userId = this.user?.id;
    this.endSession();
    if (refreshToken) await this.revoke(refreshToken);
    this.logger.info({ userId }, 'signed out');
  }

  /** The server no longer accepts this session (refresh refused): forget it. */
  endSession(): void {
    this.user = null;
    this.pendingSecondStep = null;
    this.offline = false;
    this.locked = false;
    this.dropOfflinePassword();
    this.connection.clearTokens();
  }

  /** The server could not be reached: sign in against the local verifier of someone who signed in online here. */
  private async startOfflineSession(store: LocalStore, input: SignInInput): Promise<SignedInUser> {
    const user = await signInOffline(store, input.email, input.password, new Date(this.now()));
    this.connection.clearTokens();
    this.user = user;
    this.offline = true;
    this.locked = false;
    this.holdOfflinePassword(input.password);
    this.logger.info({ userId: user.id, tenantId: user.tenantId, deviceId: store.deviceId }, 'signed in offline');
    return user;
  }

  /**
   * For an offline session whose password is at hand: once the server answers, sign in online as the same person.
   * True when there is a server session now (false with nobody signed in, or an offline session that stays so). A disabled account ends the session; any other refusal (a changed password,
   * a second step the server asks for) keeps working offline and asks for a sign-in online instead.
   */
  async reconnect(store: LocalStore): Promise<boolean> {
    const user = this.user;
    const password = this.offlinePassword;
    if (!user || !this.offline || !password) return false;
    try {
      const online = await this.signInOnline(store, { email: user.email, password: password.toString('utf8') });
      if (!online) {
        // A second step needs the person: the session stays offline until they sign in online again.
        this.pendingSecondStep = null;
        this.dropOfflinePassword();
        this.logger.info({ userId: user.id }, 'offline session needs a second step to go online');
        return false;
      }
      this.logger.info({ userId: user.id }, 'offline session now online');
      return true;
    } catch (error) {
      const refused = toAppError(error);
      if (refused.code === 'OFFLINE') return false;
      if (refused.code === 'ACCOUNT_DISABLED') {
        this.endForDisabledAccount(store);
        return false;
      }
      this.dropOfflinePassword();
      this.logger.info({ userId: user.id, code: refused.code }, 'offline session could not go online');
      return false;
    }
  }

  /** An offline session that can no longer go online by itself: the person must sign in online again to sync. */
  get needsOnlineSignIn(): boolean {
    return this.user !== null && this.offline && this.offlinePassword === null && !this.locked;
  }

  /** The server said the signed-in account is no longer active: refuse it here from now on and end the session. */
  endForDisabledAccount(store: LocalStore | null): void {
    const user = this.user;
    if (user && store) markAccountDisabled(store, user.email, this.logger, user);
    this.endSession();
    this.logger.info({ userId: user?.id }, 'session ended: account disabled');
  }

  /** The lock (idle or asked for): the person stays signed in (sync goes on), but must enter their password again. */
  lock(reason: SessionLockReason): void {
    this.locked = true;
    this.lockReason = reason;
    this.dropOfflinePassword();
  }

  unlocked(password: string): void {
    this.locked = false;
    if (this.offline) this.holdOfflinePassword(password);
  }

  private holdOfflinePassword(password: string): void {
    this.dropOfflinePassword();
    this.offlinePassword = Buffer.from(password, 'utf8');
  }

  private dropOfflinePassword(): void {
    this.offlinePassword?.fill(0);
    this.offlinePassword = null;
  }

  async revoke(refreshToken: string): Promise<void> {
    try {
      await this.connection.call((client) => client.auth.signOut.mutate({ refreshToken }));
    } catch {
      this.logger.info({ online: this.connection.online }, 'server sign-out not confirmed');
    }
  }
}
