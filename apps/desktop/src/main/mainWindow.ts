import { BrowserWindow } from 'electron';

export function createMainWindow(preloadPath: string, devTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    title: 'EONPro Clinic',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
