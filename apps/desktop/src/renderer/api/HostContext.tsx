import { createContext, useContext, type ReactNode } from 'react';
import type { HostClient } from '../trpc.ts';

interface HostContextValue {
  host: HostClient;
  /** Called when a call finds the session gone (auto-lock, signed out): the app asks who is here. */
  onSessionLost: () => void;
}

const HostContext = createContext<HostContextValue | null>(null);

export function HostProvider({ host, onSessionLost, children }: HostContextValue & { children: ReactNode }) {
  return <HostContext.Provider value={{ host, onSessionLost }}>{children}</HostContext.Provider>;
}

export function useHostContext(): HostContextValue {
  const value = useContext(HostContext);
  if (!value) throw new Error('useHostContext must be used inside <HostProvider>');
  return value;
}
