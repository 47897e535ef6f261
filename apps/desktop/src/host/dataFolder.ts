import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isUuid, uuidv7 } from '@eonpro/core';

/** Where one workstation keeps its files. Only the folder id is stored in plain text; it is not secret. */
export interface DataFolder {
  dir: string;
  /** Random id of this data folder: names its key in the OS keychain. */
  folderId: string;
  databasePath: string;
  wrappedKeyPath: string;
  logPath: string;
}

const FOLDER_FILE = 'data-folder.json';

export function prepareDataFolder(dataDir: string): DataFolder {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  mkdirSync(join(dir, 'logs'), { recursive: true, mode: 0o700 });
  return {
    dir,
    folderId: readOrCreateFolderId(join(dir, FOLDER_FILE)),
    databasePath: join(dir, 'clinic.db'),
    wrappedKeyPath: join(dir, 'workstation-key.json'),
    logPath: join(dir, 'logs', 'host.log'),
  };
}

function readOrCreateFolderId(path: string): string {
  if (existsSync(path)) {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const id = (parsed as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && isUuid(id)) return id;
    throw new Error(`${FOLDER_FILE} in the data folder is damaged: it has no valid folder id`);
  }
  const id = uuidv7();
  writeFileSync(path, `${JSON.stringify({ id }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return id;
}
