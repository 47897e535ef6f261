import { TRPCClientError, type TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import type { EonproBridge } from '../../preload/bridge.ts';

declare global {
  interface Window {
    /** Present only inside the Electron app, put there by the preload. */
    eonpro?: EonproBridge;
  }
}

/**
 * A tRPC v11 terminating link that sends each call through the preload bridge (`window.eonpro.trpc`) to the host.
 * Errors keep the host's error shape, so `error.data` (code, issues, path) reads the same as over HTTP.
 */
export function ipcLink<TRouter extends AnyRouter>(options: { bridge?: EonproBridge } = {}): TRPCLink<TRouter> {
  const bridge = options.bridge ?? (typeof window === 'undefined' ? undefined : window.eonpro);
  if (!bridge) throw new Error('The desktop bridge (window.eonpro) is missing: ipcLink only works inside the Electron app.');

  return () =>
    ({ op }) =>
      observable((observer) => {
        if (op.type === 'subscription') {
          observer.error(new TRPCClientError(`Subscriptions are not available in the desktop app (${op.path}).`));
          return;
        }
        let unsubscribed = false;
        bridge.trpc({ type: op.type, path: op.path, input: op.input }).then(
          (response) => {
            if (unsubscribed) return;
            if ('error' in response) {
              observer.error(TRPCClientError.from(response));
              return;
            }
            observer.next({ result: response.result });
            observer.complete();
          },
          (cause: unknown) => {
            if (unsubscribed) return;
            observer.error(TRPCClientError.from(cause instanceof Error ? cause : new Error(String(cause))));
          },
        );
        return () => {
          unsubscribed = true;
        };
      });
}
