import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@eonpro/core';

/** In a data folder while a host has it open: that host's process id. */
export const DATA_FOLDER_LOCK_FILE = 'host.lock';

export interface DataFolderLock {
  /** Removes the lock file (once; later calls do nothing). */
  release(): void;
}

/** Lock files this process holds, removed when it exits even without a clean close. */
const held = new Set<string>();
let exitHookInstalled = false;

/**
 * Claims a data folder for this process: two hosts on one folder would both write and sync the same database.
 * A lock left by a process that is no longer running is taken over. Refused (CONFLICT) while another host,
 * in this process or another, has the folder open.
 */
export function lockDataFolder(dir: string): DataFolderLock {
  const lockPath = join(dir, DATA_FOLDER_LOCK_FILE);
  // Twice at most: the second try follows taking over a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createLockFile(lockPath)) return holdLock(lockPath);
    const holder = dataFolderHolder(dir);
    if (holder !== null) throw inUseError(dir, holder);
    rmSync(lockPath, { force: true });
  }
  throw inUseError(dir, dataFolderHolder(dir));
}

/** The id of the running process that has this data folder open, or null when none has. */
export function dataFolderHolder(dir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dir, DATA_FOLDER_LOCK_FILE), 'utf8').trim());
  } catch {
    return null;
  }
  return Number.isSafeInteger(pid) && pid > 0 && isRunning(pid) ? pid : null;
}

/** Creates the lock file with its content in one step (a hard link either appears whole or not at all). */
function createLockFile(lockPath: string): boolean {
  const draft = `${lockPath}.${process.pid}.draft`;
  writeFileSync(draft, `${process.pid}\n`, { mode: 0o600 });
  try {
    linkSync(draft, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

function holdLock(lockPath: string): DataFolderLock {
  held.add(lockPath);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => held.forEach((path) => rmSync(path, { force: true })));
  }
  return {
    release() {
      if (!held.delete(lockPath)) return;
      rmSync(lockPath, { force: true });
    },
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUseError(dir: string, pid: number | null): AppError {
  const by = pid === null ? 'another EONPro Clinic workstation' : `another EONPro Clinic workstation (process ${pid})`;
  return new AppError('CONFLICT', `The data folder ${dir} is already open in ${by}. Close that one first, or give this workstation its own data folder.`);
}
