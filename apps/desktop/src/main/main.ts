// Electron main: windows, IPC checks, the host's utility process and the safeStorage key. No SQL runs here.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { AppError } from '@eonpro/core';
import { APP_ENTRY_URL, registerAppScheme, serveRenderer } from './appProtocol.ts';
import { startHostProcess, type RunningHost } from './hostProcess.ts';
import { answerTrpcOverIpc, refuseOtherIpc } from './ipc/validatedIpc.ts';
import { databaseKeyFromSafeStorage } from './keys/workstationKey.ts';
import { parseLaunchOptions } from './launchOptions.ts';
import { log } from './log.ts';
import { createMainWindow } from './mainWindow.ts';
import { denyNavigation, denyPermissions } from './windowLockdown.ts';

let mainWindow: BrowserWindow | undefined;
let host: RunningHost | undefined;

registerAppScheme();
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => denyNavigation(contents));

if (!app.requestSingleInstanceLock()) {
  // Another window already has this workstation's database open.
  app.quit();
} else {
  app.on('second-instance', () => mainWindow?.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (host === undefined) return;
    event.preventDefault();
    const stopping = host;
    host = undefined;
    void stopping.stop().finally(() => app.quit());
  });
  app.whenReady().then(start).catch(stopWithError);
}

async function start(): Promise<void> {
  const appDir = app.getAppPath();
  const options = parseLaunchOptions(process.argv, join(app.getPath('userData'), 'clinic-data'));
  denyPermissions(session.defaultSession);
  serveRenderer(join(appDir, 'dist', 'renderer'));

  const databaseKey = await databaseKeyFromSafeStorage(options.dataDir);
  const starting = startHostProcess({
    entryPath: join(appDir, 'dist', 'utility', 'hostProcess.cjs'),
    start: { ...options, databaseKey },
    onUnexpectedExit: () => {
      host = undefined;
      stopWithError(new AppError('INTERNAL', 'The local clinic service stopped unexpectedly. Open EONPro Clinic again; saved work is kept.'));
    },
  });
  databaseKey?.fill(0); // the host process holds its own copy; main keeps none
  host = await starting;
  answerTrpcOverIpc(host.connection, () => mainWindow?.webContents.id);

  mainWindow = createMainWindow(join(appDir, 'dist', 'preload', 'preload.cjs'), !app.isPackaged);
  refuseOtherIpc(mainWindow.webContents);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  await mainWindow.loadURL(APP_ENTRY_URL);
}

function stopWithError(error: unknown): void {
  log.error({ errorName: error instanceof Error ? error.name : typeof error }, 'EONPro Clinic stopped');
  const message = error instanceof AppError ? error.message : 'EONPro Clinic could not start. Contact your clinic administrator.';
  dialog.showErrorBox('EONPro Clinic', message);
  app.exit(1);
}
