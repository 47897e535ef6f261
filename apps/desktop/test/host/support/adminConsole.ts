import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { hostname } from 'node:os';
import { deviceProofBinding, uuidv7, type DeviceProofPurpose } from '@eonpro/core';
import type { AppRouter } from '@eonpro/sync-server';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { TestAuthenticator } from './testAuthenticator.ts';

/**
 * The clinic administrator at a workstation of their own, straight on the sync server: the tests' way to approve new
 * workstations (devices.approve) once the workstation the clinic was set up from has gone. It holds a device key and
 * signs its proofs as the desktop host does, and was itself approved like any other workstation.
 */
export class AdminConsole {
  readonly deviceId = uuidv7();
  private readonly publicKey: string;
  private readonly privateKey: KeyObject;
  private accessToken: string | null = null;
  private readonly client;

  constructor(private readonly serverUrl: string) {
    const pair = generateKeyPairSync('ed25519');
    this.publicKey = pair.publicKey.export({ format: 'jwk' }).x!;
    this.privateKey = pair.privateKey;
    this.client = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${serverUrl}/trpc`, headers: () => (this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}) })],
    });
  }

  /** Signs the administrator in from this console (it must be approved first, or be the clinic's first workstation). */
  async signIn(account: { email: string; password: string }, authenticator: TestAuthenticator): Promise<void> {
    const answer = await this.client.auth.signIn.mutate({
      ...account,
      deviceId: this.deviceId,
      deviceName: `Admin console (${hostname()})`,
      devicePublicKey: this.publicKey,
      deviceProof: this.proof('sign-in', account.email),
    });
    if (answer.status === 'signed-in') {
      this.accessToken = answer.accessToken;
      return;
    }
    if (answer.status !== 'mfa-required') throw new Error(`The admin console cannot go on from ${answer.status}`);
    const session = await this.client.auth.completeMfa.mutate({ challengeToken: answer.challengeToken, code: await authenticator.nextCode(account.email) });
    this.accessToken = session.accessToken;
  }

  /** The access token of the signed-in administrator, for calls a test makes by hand. */
  token(): string {
    if (!this.accessToken) throw new Error('The admin console is not signed in');
    return this.accessToken;
  }

  approve(deviceId: string) {
    return this.client.devices.approve.mutate({ deviceId });
  }

  revoke(deviceId: string, reason: string) {
    return this.client.devices.revoke.mutate({ deviceId, reason });
  }

  list() {
    return this.client.devices.list.query();
  }

  private proof(purpose: DeviceProofPurpose, subject: string) {
    const claims = JSON.stringify({
      v: 1,
      purpose,
      deviceId: this.deviceId,
      aud: this.serverUrl,
      iat: Math.floor(Date.now() / 1000),
      nonce: randomBytes(16).toString('base64url'),
      bind: deviceProofBinding(purpose, subject),
    });
    return { claims, signature: sign(null, Buffer.from(claims, 'utf8'), this.privateKey).toString('base64url') };
  }
}

/** The app's error code of a failed server call (`data.appCode`). */
export function serverAppCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { appCode?: string } | undefined)?.appCode : undefined;
}
