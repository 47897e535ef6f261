import type { Session, WebContents } from 'electron';
import { log } from './log.ts';

/** No page in the app may navigate away, open windows or attach webviews; the app is one page with hash routes. */
export function denyNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    log.warn({ webContentsId: contents.id }, 'navigation refused');
  });
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => {
    log.warn({ webContentsId: contents.id }, 'new window refused');
    return { action: 'deny' };
  });
}

/** Camera, microphone, notifications, geolocation, USB…: the app needs none of them. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn({ permission }, 'permission request refused');
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
