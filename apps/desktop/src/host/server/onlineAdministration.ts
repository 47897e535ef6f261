import { AppError } from '@eonpro/core';
import type { HostRuntime } from '../hostRuntime.ts';
import type { SyncServerClient } from './serverConnection.ts';
import { toAppError } from './serverErrors.ts';

/**
 * An administration call made on the sync server as the signed-in user. Administration has no offline mode: without
 * an online session (signed in offline, or the server unreachable) it answers OFFLINE saying so.
 */
export async function onServerAsAdmin<T>(host: HostRuntime, what: string, request: (client: SyncServerClient) => Promise<T>): Promise<T> {
  if (!host.connection.signedIn) throw new AppError('OFFLINE', `${what} needs the sync server. Sign in again while the server can be reached.`);
  try {
    return await host.connection.authorized(request);
  } catch (error) {
    const problem = toAppError(error);
    if (problem.code === 'OFFLINE') throw new AppError('OFFLINE', `${what} needs the sync server, and it cannot be reached. Check the network connection and try again.`);
    throw problem;
  }
}
