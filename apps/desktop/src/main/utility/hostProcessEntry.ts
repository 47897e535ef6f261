// Entry of the Electron utility process that runs the host. Plain Node plus Electron's `process.parentPort`.
import { AppError } from '@eonpro/core';
import { pino } from 'pino';
import { startHost } from '../../host/index.ts';
import { fromElectronPort } from '../ipc/messagePort.ts';
import { heldKeyProvider } from '../keys/safeStorageKeyFile.ts';
import type { HostStartMessage, HostStatusMessage } from './hostMessages.ts';
import { serveTrpcOverPort } from './trpcPortServer.ts';

const log = pino({ name: 'desktop-host-process', level: 'info' }, pino.destination(2));
const parentPort = process.parentPort;

parentPort.once('message', (event) => {
  const [port] = event.ports;
  if (port === undefined) throw new Error('The host process was started without a MessagePort');
  void run(event.data as HostStartMessage, port);
});

async function run(start: HostStartMessage, port: Electron.MessagePortMain): Promise<void> {
  try {
    const databaseKey = start.databaseKey === undefined ? undefined : Buffer.from(start.databaseKey);
    const host = await startHost({
      dataDir: start.dataDir,
      serverUrl: start.serverUrl,
      keyProvider: databaseKey === undefined ? undefined : heldKeyProvider(start.dataDir, databaseKey),
    });
    serveTrpcOverPort(fromElectronPort(port), host, ({ path, code }) =>
      log[code === 'INTERNAL_SERVER_ERROR' ? 'error' : 'info']({ path, code }, 'procedure failed'),
    );
    parentPort.on('message', (message) => {
      if ((message.data as { type?: unknown }).type !== 'stop') return;
      void host.close().finally(() => process.exit(0));
    });
    report({ type: 'ready' });
  } catch (error) {
    // AppError messages are written for clinicians and carry no PHI; anything else is reported generically.
    log.error({ errorName: error instanceof Error ? error.name : typeof error }, 'host failed to start');
    report({
      type: 'failed',
      message: error instanceof AppError ? error.message : 'The clinic database on this computer could not be opened.',
    });
    process.exit(1);
  }
}

function report(message: HostStatusMessage): void {
  parentPort.postMessage(message);
}
