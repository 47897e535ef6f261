import { AppError } from '@eonpro/core';

export interface LaunchOptions {
  dataDir: string;
  serverUrl: string;
}

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4010';

/** `--data-dir=<folder>` and `--server-url=<http(s) url>` from the command line; other arguments (Chromium's) are ignored. */
export function parseLaunchOptions(args: readonly string[], defaultDataDir: string): LaunchOptions {
  const value = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const serverUrl = value('server-url') ?? DEFAULT_SERVER_URL;
  if (!URL.canParse(serverUrl) || !['http:', 'https:'].includes(new URL(serverUrl).protocol)) {
    throw new AppError('VALIDATION', 'The sync server address must be an http:// or https:// URL.', [
      { path: '--server-url', message: 'Not an http(s) URL.' },
    ]);
  }
  const dataDir = value('data-dir') || defaultDataDir;
  return { dataDir, serverUrl: serverUrl.replace(/\/+$/, '') };
}
