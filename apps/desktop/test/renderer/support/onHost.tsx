import type { ReactElement, ReactNode } from 'react';
import { createTRPCClient, localLink } from '@trpc/client';
import type { HostRouter } from '../../../src/host/index.ts';
import { HostProvider } from '../../../src/renderer/api/HostContext.tsx';
import type { TestHost } from '../../host/support/testHost.ts';

/** `screen` wired to the real host in this process: its calls go through an in-process tRPC link instead of IPC or HTTP. */
export function onHost(workstation: Pick<TestHost, 'host'>, screen: ReactNode): ReactElement {
  const { router, createContext } = workstation.host;
  const host = createTRPCClient<HostRouter>({ links: [localLink({ router, createContext: async () => createContext() })] });
  return (
    <HostProvider host={host} onSessionLost={() => {}}>
      {screen}
    </HostProvider>
  );
}
