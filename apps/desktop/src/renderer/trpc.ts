import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { HostRouter } from '../host/index.ts';
import { ipcLink } from './transport/ipcLink.ts';
import { takeLaunchToken } from './transport/launchToken.ts';

export type HostClient = TRPCClient<HostRouter>;
export type HostInputs = inferRouterInputs<HostRouter>;
export type HostOutputs = inferRouterOutputs<HostRouter>;

/**
 * The one way the renderer reaches the host. In Electron the preload exposes `window.eonpro` and calls
 * travel over IPC. In browser mode they go to /trpc on 127.0.0.1 with the per-launch token; every call is
 * a POST so search text and other patient data never appear in a URL.
 */
export function createHostClient(): HostClient {
  if ('eonpro' in window) return createTRPCClient<HostRouter>({ links: [ipcLink()] });
  const token = takeLaunchToken(window.location, window.history, window.sessionStorage);
  // A launch link pasted into this already-open tab only changes the fragment: take the new token and start over.
  window.addEventListener('hashchange', () => {
    if (takeLaunchToken(window.location, window.history, window.sessionStorage) !== token) window.location.reload();
  });
  return createTRPCClient<HostRouter>({
    links: [
      httpBatchLink({
        url: '/trpc',
        methodOverride: 'POST',
        headers: () => (token ? { 'x-eonpro-launch-token': token } : {}),
      }),
    ],
  });
}
