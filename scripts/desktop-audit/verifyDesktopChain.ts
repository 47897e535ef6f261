import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '@eonpro/core';
import { verifyLocalAuditChain, type LocalAuditVerification } from '../../apps/desktop/src/host/audit/verifyLocalAuditChain.ts';
import { prepareDataFolder } from '../../apps/desktop/src/host/dataFolder.ts';
import { readSyncState } from '../../apps/desktop/src/host/db/readers.ts';
import { openEncryptedDatabase, type Db } from '../../apps/desktop/src/host/db/openDatabase.ts';
import { chooseKeyProvider } from '../../apps/desktop/src/host/keys/chooseKeyProvider.ts';
import { isUnlockable } from '../../apps/desktop/src/host/keys/keyProvider.ts';
import { promptPassword } from '../import/password.ts';
import { UsageError } from '../import/usageError.ts';

export const desktopUsage = `Usage: npm run audit:verify -- --desktop <workstation data folder>

Verifies a workstation's own audit chain in its encrypted database and names the first broken link.
The database key comes from the OS keychain, or from the workstation passphrase: EONPRO_WORKSTATION_PASSPHRASE,
or asked for on the terminal. Nothing in the folder is changed.
Exit code: 0 intact, 1 broken, 2 the check could not run.`;

const PASSPHRASE_VARIABLE = 'EONPRO_WORKSTATION_PASSPHRASE';

/** Runs the check for a command line; prints the result (ids, counts and hashes only) and answers the exit code. */
export async function verifyDesktopChain(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<0 | 1 | 2> {
  let db: Db | null = null;
  try {
    const dataDir = dataFolderArgument(argv);
    db = await openWorkstationDatabase(dataDir, env);
    const deviceId = readSyncState(db)?.deviceId ?? 'unknown';
    const verification = verifyLocalAuditChain(db);
    console.log(report(dataDir, deviceId, verification));
    return verification.result.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError || error instanceof AppError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    db?.close();
  }
}

function dataFolderArgument(argv: readonly string[]): string {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { desktop: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${desktopUsage}`);
  }
  if (!values.desktop) throw new UsageError(desktopUsage);
  const dataDir = resolve(values.desktop);
  if (!existsSync(join(dataDir, 'clinic.db'))) throw new UsageError(`No workstation database (clinic.db) in ${dataDir}.`);
  return dataDir;
}

async function openWorkstationDatabase(dataDir: string, env: Readonly<Record<string, string | undefined>>): Promise<Db> {
  const folder = prepareDataFolder(dataDir);
  const provider = await chooseKeyProvider(folder);
  if (isUnlockable(provider)) {
    if (!provider.hasPassphrase()) {
      throw new UsageError("This workstation keeps its key in an OS keychain that cannot be reached here. Run the check on the workstation itself.");
    }
    await provider.unlock(env[PASSPHRASE_VARIABLE] || (await askForPassphrase()));
  }
  const key = await provider.getDatabaseKey();
  try {
    const db = openEncryptedDatabase(folder.databasePath, key);
    if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_entries'`).get()) {
      db.close();
      throw new UsageError('This data folder has no audit trail yet: open it once with this version of EONPro Clinic.');
    }
    return db;
  } finally {
    key.fill(0);
  }
}

function askForPassphrase(): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError(`Set ${PASSPHRASE_VARIABLE}, or run the check in a terminal to be asked for the passphrase.`);
  return promptPassword('Workstation passphrase: ').catch(() => {
    throw new UsageError('Verification cancelled.');
  });
}

function report(dataDir: string, deviceId: string, { result, heads }: LocalAuditVerification): string {
  const lines = [`Workstation audit chain of device ${deviceId} (${dataDir})`];
  if (result.ok) {
    lines.push(`  intact: ${result.length.toLocaleString('en-US')} entries, head ${result.head}`);
  } else {
    lines.push(`  BROKEN at device entry ${result.seq} (event ${result.entryId ?? 'none'}): ${result.message} [${result.reason}]`);
  }
  lines.push(
    `  held against: the last entry recorded here (${heads.recorded.seq}) and the last the server acknowledged (${heads.acknowledged.seq})`,
  );
  return lines.join('\n');
}
