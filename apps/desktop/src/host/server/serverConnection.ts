import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import type { DeviceProof } from '@eonpro/core';
import type { AppRouter } from '@eonpro/sync-server';
import { revocationOf, type Revocation } from '../device/revocation.ts';
import { certificateProblemOf, type CertificateProblem } from './certificateProblem.ts';
import { isConnectionFailure } from './connectionFailure.ts';
import { fetchTrustingCa } from './fetchTrustingCa.ts';
import { isAccountDisabled, isUnauthorized } from './serverErrors.ts';

export type SyncServerClient = TRPCClient<AppRouter>;

export interface ServerTokens {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string | number;
}

const REQUEST_TIMEOUT_MS = 30_000;
/** A reachability check must answer quickly even when the link is dead. */
const PROBE_TIMEOUT_MS = 5_000;

/** Why the server ended the session: its refresh was refused, or the clinic disabled the account. */
export type SessionEndReason = 'ended' | 'account-disabled';
/** Refresh a little before expiry so a request never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 30_000;

/**
 * The tRPC client for the sync server plus the signed-in user's tokens, kept in memory only. Authorized calls
 * refresh the access token when it is about to expire, or once when the server says it has.
 */
export class ServerConnection {
  readonly serverUrl: string;
  readonly client: SyncServerClient;
  /** Whether the last call reached the server; null before the first call. */
  online: boolean | null = null;
  /** Why the last call could not connect when it was the server's certificate; null otherwise. */
  certificateProblem: CertificateProblem | null = null;
  private tokens: ServerTokens | null = null;
  private refreshing: Promise<void> | null = null;
  private readonly onSessionEnded: (reason: SessionEndReason) => void;
  /** Signs the device proof a token refresh must carry (set once the workstation's database is open). */
  refreshProof: ((refreshToken: string) => DeviceProof) | null = null;
  /** Called whenever the server answers DEVICE_REVOKED, whichever call it was: the workstation erases itself. */
  onDeviceRevoked: ((revocation: Revocation) => void) | null = null;

  /** `options.caBundle`: the clinic's CA (PEM) to trust the server's certificate by, besides the public ones. */
  constructor(serverUrl: string, onSessionEnded: (reason: SessionEndReason) => void, options: { caBundle?: string } = {}) {
    this.serverUrl = serverUrl.replace(/\/+$/, '');
    this.onSessionEnded = onSessionEnded;
    // Without a CA the global fetch is looked up per call, so whatever wraps it later (a request counter) sees calls.
    const fetchOnce: typeof fetch = options.caBundle ? fetchTrustingCa(options.caBundle) : (input, init) => fetch(input, init);
    this.client = createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${this.serverUrl}/trpc`,
          headers: () => (this.tokens ? { authorization: `Bearer ${this.tokens.accessToken}` } : {}),
          fetch: withTimeout(fetchOnce),
        }),
      ],
    });
  }

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  get refreshToken(): string | null {
    return this.tokens?.refreshToken ?? null;
  }

  setTokens(tokens: ServerTokens): void {
    this.tokens = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, accessTokenExpiresAt: tokens.accessTokenExpiresAt };
  }

  clearTokens(): void {
    this.tokens = null;
  }

  /** A call that needs no sign-in; records whether the server answered. */
  async call<T>(request: (client: SyncServerClient) => Promise<T>): Promise<T> {
    try {
      const result = await request(this.client);
      this.online = true;
      this.certificateProblem = null;
      return result;
    } catch (error) {
      this.online = !isConnectionFailure(error);
      this.certificateProblem = certificateProblemOf(error);
      const revocation = revocationOf(error);
      if (revocation) this.onDeviceRevoked?.(revocation);
      throw error;
    }
  }

  /** Whether the server answers now (recorded in `online`); never throws. */
  async probe(): Promise<boolean> {
    try {
      await this.call((client) => client.health.query(undefined, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) }));
    } catch {
      // `online` now says whether it was the link or the server's answer.
    }
    return this.online === true;
  }

  /** A call as the signed-in user. */
  async authorized<T>(request: (client: SyncServerClient) => Promise<T>): Promise<T> {
    if (!this.tokens) throw new Error('Not signed in to the sync server');
    if (expiresSoon(this.tokens)) await this.refresh();
    try {
      return await this.call(request);
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      await this.refresh();
      return this.call(request);
    }
  }

  /** One refresh at a time: refresh tokens rotate, and reusing an old one would end the session. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const refreshToken = this.tokens?.refreshToken;
    if (!refreshToken) throw new Error('Not signed in to the sync server');
    try {
      const deviceProof = this.refreshProof?.(refreshToken);
      const answer = await this.call((client) => client.auth.refresh.mutate({ refreshToken, ...(deviceProof ? { deviceProof } : {}) }));
      this.setTokens(answer);
    } catch (error) {
      if (isUnauthorized(error)) {
        this.tokens = null;
        this.onSessionEnded(isAccountDisabled(error) ? 'account-disabled' : 'ended');
      }
      throw error;
    }
  }
}

function expiresSoon(tokens: ServerTokens): boolean {
  const expiresAt = new Date(tokens.accessTokenExpiresAt).getTime();
  return Number.isFinite(expiresAt) && expiresAt - Date.now() < REFRESH_MARGIN_MS;
}

/** Every request gives up after REQUEST_TIMEOUT_MS, so a dead link reads as offline instead of hanging. */
function withTimeout(fetchOnce: typeof fetch): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetchOnce(input, { ...init, signal });
  };
}
