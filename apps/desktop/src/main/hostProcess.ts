import { MessageChannelMain, utilityProcess } from 'electron';
import { AppError } from '@eonpro/core';
import { HostConnection } from './ipc/hostConnection.ts';
import { fromElectronPort } from './ipc/messagePort.ts';
import { log } from './log.ts';
import type { HostStartMessage, HostStatusMessage, HostStopMessage } from './utility/hostMessages.ts';

export interface RunningHost {
  connection: HostConnection;
  /** Asks the host to close its database cleanly, then waits for the process to end. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 10_000;

/**
 * Starts the host (database, outbox, sync) in an Electron utility process, so no SQL runs on main's thread,
 * and connects to it over a MessagePort. Resolves once the host has opened its database.
 */
export function startHostProcess(options: {
  entryPath: string;
  start: Omit<HostStartMessage, 'type'>;
  onUnexpectedExit: (exitCode: number) => void;
}): Promise<RunningHost> {
  const child = utilityProcess.fork(options.entryPath, [], { serviceName: 'EONPro Clinic host', stdio: 'inherit' });
  const { port1, port2 } = new MessageChannelMain();
  const connection = new HostConnection(fromElectronPort(port1));
  let ready = false;
  let stopping = false;
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (exitCode) => {
      connection.hostStopped();
      log.info({ exitCode }, 'host process ended');
      if (ready && !stopping) options.onUnexpectedExit(exitCode);
      resolve(exitCode);
    });
  });

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    child.postMessage({ type: 'stop' } satisfies HostStopMessage);
    const timer = setTimeout(() => child.kill(), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  // Structured clone: the host process gets its own copy of the start message (and key) right here.
  child.postMessage({ type: 'start', ...options.start } satisfies HostStartMessage, [port2]);
  return new Promise((resolve, reject) => {
    child.on('message', (message: HostStatusMessage) => {
      if (message.type === 'ready') {
        ready = true;
        resolve({ connection, stop });
      } else {
        reject(new AppError('INTERNAL', message.message));
      }
    });
    void exited.then((exitCode) => reject(new AppError('INTERNAL', `The local clinic service stopped while starting (exit code ${exitCode}).`)));
  });
}
