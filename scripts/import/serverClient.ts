import { TRPCClientError, createTRPCClient, httpLink } from '@trpc/client';
import { buildImportSummary, importSummarySchema, type ImportSummary, type Issue } from '@eonpro/core';
import type { AppRouter } from '@eonpro/sync-server';
import { importerDevice, type ImporterDevice } from './deviceIdentity.ts';
import { UsageError } from './usageError.ts';

/** The importer's session with the sync server: signs in once, refreshes an expired access token, imports a file. */
export class ImportSession {
  private accessToken: string | null = null;
  private refreshToken: string | null = null;
  private readonly client;
  private device: ImporterDevice | null = null;

  constructor(private readonly serverUrl: string) {
    this.client = createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${serverUrl}/trpc`,
          headers: () => (this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
        }),
      ],
    });
  }

  /**
   * Fails with a UsageError when the server cannot be reached or refuses the credentials. `askCode` is asked for a
   * code from the authenticator app when the account has two-step sign-in (administrators always do).
   */
  async signIn(email: string, password: string, askCode: () => Promise<string>): Promise<void> {
    await this.call('reach the sync server', () => this.client.health.query());
    const device = importerDevice();
    this.device = device;
    const answer = await this.call('sign in', () => this.client.auth.signIn.mutate({ email, password, ...device.signInFields(email, this.serverUrl) })).catch(
      (error: unknown) => {
        if (!(error instanceof UsageError) || !error.message.includes('waiting for approval')) throw error;
        throw new UsageError(
          `This computer is waiting for approval: ask your clinic administrator to approve workstation "${device.deviceName}" (code ${device.fingerprint}) under Administration → Workstations, then run the import again.`,
        );
      },
    );
    const session = answer.status === 'signed-in' ? answer : await this.secondStep(answer, askCode);
    this.accessToken = session.accessToken;
    this.refreshToken = session.refreshToken;
  }

  private async secondStep(answer: { status: string; challengeToken: string }, askCode: () => Promise<string>) {
    if (answer.status !== 'mfa-required') {
      throw new UsageError('This account has no two-step sign-in set up yet: sign in once on a workstation to set it up, then run the import again.');
    }
    const code = await askCode();
    return this.call('sign in', () => this.client.auth.completeMfa.mutate({ challengeToken: answer.challengeToken, code }));
  }

  /** Imports one bundle. A refusal of this one file comes back as a failed summary; losing the server throws. */
  async importBundle(fileName: string, bundle: unknown): Promise<ImportSummary> {
    let outcome = await this.attemptImport(fileName, bundle);
    if ('error' in outcome && errorCode(outcome.error) === 'UNAUTHORIZED' && this.refreshToken !== null) {
      await this.renewSignIn(this.refreshToken);
      outcome = await this.attemptImport(fileName, bundle);
    }
    return 'summary' in outcome ? outcome.summary : this.failedFile(fileName, outcome.error);
  }

  private async attemptImport(fileName: string, bundle: unknown): Promise<{ summary: ImportSummary } | { error: unknown }> {
    let answer: unknown;
    try {
      answer = await this.client.import.bundle.mutate({ fileName, bundle });
    } catch (error) {
      return { error };
    }
    const summary = importSummarySchema.safeParse(answer);
    if (summary.success) return { summary: summary.data };
    return { summary: failedSummary(fileName, [{ path: '', message: 'The sync server answered in an unexpected shape' }]) };
  }

  private async renewSignIn(refreshToken: string): Promise<void> {
    const deviceProof = this.device?.proof('refresh', refreshToken, this.serverUrl);
    const session = await this.call('renew the sign-in', () => this.client.auth.refresh.mutate({ refreshToken, ...(deviceProof ? { deviceProof } : {}) }));
    this.accessToken = session.accessToken;
    this.refreshToken = session.refreshToken;
  }

  /** Errors that concern the whole import (server gone, no permission) stop it; others fail only this file. */
  private failedFile(fileName: string, error: unknown): ImportSummary {
    const code = errorCode(error);
    if (code === undefined) throw unreachable(this.serverUrl, error);
    if (code === 'UNAUTHORIZED' || code === 'FORBIDDEN') throw new UsageError(`The sync server refused the import: ${messageOf(error)}`);
    return failedSummary(fileName, serverIssues(error));
  }

  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (errorCode(error) === undefined) throw unreachable(this.serverUrl, error);
      throw new UsageError(`Could not ${what}: ${messageOf(error)}`);
    }
  }
}

function failedSummary(fileName: string, issues: Issue[]): ImportSummary {
  return buildImportSummary(fileName, { ok: false, issues });
}

/** The tRPC error code the server answered with; undefined when no answer came (network, not a tRPC server). */
function errorCode(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  const code = typeof data === 'object' && data !== null ? (data as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The issues the server attached to an error (paths and messages, never data), else its message. */
function serverIssues(error: unknown): Issue[] {
  const data: unknown = error instanceof TRPCClientError ? error.data : undefined;
  const issues = typeof data === 'object' && data !== null ? (data as { issues?: unknown }).issues : undefined;
  const parsed = importSummarySchema.shape.issues.safeParse(issues);
  return parsed.success && parsed.data.length > 0 ? parsed.data : [{ path: '', message: messageOf(error) }];
}

function unreachable(serverUrl: string, error: unknown): UsageError {
  return new UsageError(`Cannot reach the sync server at ${serverUrl} (${networkReason(error)}). Is it running? Use --server to name another address.`);
}

/** The most specific reason in an error's cause chain: a system code such as ECONNREFUSED, else the innermost message. */
function networkReason(error: unknown): string {
  let reason = messageOf(error);
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    reason = current.message;
  }
  return reason;
}
