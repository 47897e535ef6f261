import { hostname } from 'node:os';
import { AppError } from '@eonpro/core';
import { z } from 'zod';
import { appendAuditEvent } from '../audit/appendAuditEvent.ts';
import { auditActorOf } from '../audit/auditActor.ts';
import { readSyncState } from '../db/readers.ts';
import { saveTenant, upsertLocalUser } from '../db/writers.ts';
import type { LocalStore } from '../local/localStore.ts';
import type { HostLogger } from '../logger.ts';
import type { ServerConnection } from '../server/serverConnection.ts';
import { toAppError } from '../server/serverErrors.ts';
import type { SignedInUser } from './signedInUser.ts';

/** The sign-in screen asks this on every visit; it must answer quickly even when the link is dead. */
const SETUP_CHECK_TIMEOUT_MS = 5_000;

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

/**
 * Online sign-in against the sync server. The user and tokens live in memory; local_users keeps who signed in
 * here (no secrets). A workstation belongs to one clinic: a user of another clinic cannot sign in on it.
 */
export class SessionManager {
  user: SignedInUser | null = null;
  /** What the server last said about setup; null until it has answered. */
  needsSetup: boolean | null = null;
  private readonly connection: ServerConnection;
  private readonly logger: HostLogger;

  constructor(connection: ServerConnection, logger: HostLogger) {
    this.connection = connection;
    this.logger = logger;
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

  async setupClinic(store: LocalStore, input: SetupClinicInput): Promise<SignedInUser> {
    try {
      await this.connection.call((client) => client.setup.createClinic.mutate(input));
    } catch (error) {
      throw toAppError(error);
    }
    this.needsSetup = false;
    this.logger.info('clinic created');
    return this.signIn(store, { email: input.email, password: input.password });
  }

  async signIn(store: LocalStore, input: SignInInput): Promise<SignedInUser> {
    let answer;
    try {
      answer = await this.connection.call((client) =>
        client.auth.signIn.mutate({ email: input.email, password: input.password, deviceId: store.deviceId, deviceName: hostname() }),
      );
    } catch (error) {
      throw toAppError(error);
    }
    const user: SignedInUser = { ...answer.user };
    const boundTenant = readSyncState(store.db)?.tenantId ?? null;
    if (boundTenant !== null && boundTenant !== user.tenantId) {
      await this.revoke(answer.refreshToken);
      throw new AppError('FORBIDDEN', 'This workstation belongs to another clinic. Sign in with an account of that clinic.');
    }
    store.transaction(() => {
      if (boundTenant === null) saveTenant(store.db, user.tenantId);
      upsertLocalUser(store.db, { ...user, lastSignedInAt: new Date().toISOString() });
      appendAuditEvent(store, auditActorOf(user), { action: 'sign-in' });
    });
    this.connection.setTokens(answer);
    this.user = user;
    this.needsSetup = false;
    this.logger.info({ userId: user.id, tenantId: user.tenantId, deviceId: store.deviceId }, 'signed in');
    return user;
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
    this.connection.clearTokens();
  }

  private async revoke(refreshToken: string): Promise<void> {
    try {
      await this.connection.call((client) => client.auth.signOut.mutate({ refreshToken }));
    } catch {
      this.logger.info({ online: this.connection.online }, 'server sign-out not confirmed');
    }
  }
}
