// Runs sandboxed before the renderer; exposes exactly one function and forwards only the three request fields.
import { contextBridge, ipcRenderer } from 'electron';
import { TRPC_CHANNEL, type EonproBridge } from './bridge.ts';

const bridge: EonproBridge = {
  trpc: ({ type, path, input }) => ipcRenderer.invoke(TRPC_CHANNEL, { type, path, input }),
};

contextBridge.exposeInMainWorld('eonpro', bridge);
