import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isUuid } from '@eonpro/core';
import type { Database, DatabaseOptions } from '../../apps/sync-server/src/db/database.ts';
import { openDatabase } from '../../apps/sync-server/src/db/openDatabase.ts';
import { resealTenant, rotateTenantDataKey } from '../../apps/sync-server/src/keys/dataKeyRotation.ts';
import { KeyProviderError } from '../../apps/sync-server/src/keys/keyProvider.ts';
import { masterKeyFilePath } from '../../apps/sync-server/src/keys/masterKeyLocation.ts';
import { MasterKeyFile } from '../../apps/sync-server/src/keys/masterKeyFile.ts';
import { rotateMasterKey } from '../../apps/sync-server/src/keys/masterKeyRotation.ts';
import { rotateSigningKeyAudited } from '../../apps/sync-server/src/keys/signingKeyRotation.ts';
import { DataKeySealer } from '../../apps/sync-server/src/keys/tenantSealer.ts';
import { UsageError } from '../import/usageError.ts';

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.eonpro-data/server', import.meta.url));

export const rotateUsage = `Usage: npm run keys:rotate -- [--data-keys [--tenant <clinic id>]] [--signing-key]
                            [--data-dir <server data folder>] [--master-key-file <file>]   (or DATABASE_URL)

Without an option: rotates the master key. A new master key version is added to the key file, every clinic's
data keys and the signing keys are re-wrapped under it (sealed values are not touched), then older versions are
removed from the file. Run it again if it was interrupted: the old version stays until everything is re-wrapped.
--data-keys: gives every clinic (or the one named) a new data key version and re-seals its SSNs and licences.
--signing-key: makes a new token signing key; tokens signed by the old one keep working until they expire.
The master key file is --master-key-file, else EONPRO_MASTER_KEY_FILE, else the one beside --data-dir (default
.eonpro-data/server). Stop an embedded server first (it serves one process at a time); with PostgreSQL the running
servers pick the new keys up by themselves. Exit code: 0 done, 2 could not run.`;

type Env = Readonly<Record<string, string | undefined>>;

interface Options {
  database: DatabaseOptions;
  keyFile: string;
  mode: 'master' | 'data-keys' | 'signing-key';
  tenantId: string | null;
}

/** Runs one rotation for a command line; prints ids, versions and counts only, and answers the exit code. */
export async function rotateKeys(argv: readonly string[], env: Env, print: (line: string) => void = console.log): Promise<0 | 2> {
  let db: Database | null = null;
  try {
    const options = readOptions(argv, env);
    if (options === 'help') {
      print(rotateUsage);
      return 0;
    }
    // Never make a new master key here: one that does not match the database would lose every sealed value.
    if (!existsSync(options.keyFile)) throw new UsageError(`No master key file at ${options.keyFile}. Name the server's key file with --master-key-file.`);
    const provider = await MasterKeyFile.open(options.keyFile);
    db = await openDatabase(options.database);
    const [schema] = await db.query<{ keys: string | null }>(`select to_regclass('tenant_data_keys')::text as keys`);
    if (!schema?.keys) throw new UsageError('This database has no key tables yet: start this version of the sync server on it once.');
    if (options.mode === 'master') {
      const rotation = await rotateMasterKey(db, provider);
      print(`Master key ${provider.keyId} is at version ${rotation.version}: ${rotation.dataKeys} data keys and ${rotation.signingKeys} signing keys re-wrapped; older versions removed from ${options.keyFile}.`);
      print('Back up the master key file now, separately from the database backups.');
    } else if (options.mode === 'signing-key') {
      const { kid } = await rotateSigningKeyAudited(db, provider);
      print(`New token signing key ${kid}; tokens signed by the previous key verify until they expire.`);
    } else {
      const sealer = new DataKeySealer(provider);
      const tenants = await db.query<{ id: string }>('select id from tenants where $1::uuid is null or id = $1 order by id', [options.tenantId]);
      if (options.tenantId !== null && tenants.length === 0) throw new UsageError(`There is no clinic ${options.tenantId} in this database.`);
      for (const { id } of tenants) {
        const { version } = await rotateTenantDataKey(db, provider, id);
        const resealed = await resealTenant(db, sealer, id);
        print(`Clinic ${id}: data key version ${version}, ${resealed} patient records re-sealed.`);
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof KeyProviderError)) throw error;
    print(error.message);
    return 2;
  } finally {
    await db?.close();
  }
}

function readOptions(argv: readonly string[], env: Env): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'data-keys': { type: 'boolean' },
        'signing-key': { type: 'boolean' },
        tenant: { type: 'string' },
        'data-dir': { type: 'string' },
        'master-key-file': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${rotateUsage}`);
  }
  if (values.help) return 'help';
  if (values['data-keys'] && values['signing-key']) throw new UsageError(`Rotate one kind of key at a time.\n\n${rotateUsage}`);
  const tenantId = values.tenant ?? null;
  if (tenantId !== null && !values['data-keys']) throw new UsageError(`--tenant goes with --data-keys.\n\n${rotateUsage}`);
  if (tenantId !== null && !isUuid(tenantId)) throw new UsageError(`--tenant must be a clinic id (a UUID).\n\n${rotateUsage}`);
  const mode = values['data-keys'] ? 'data-keys' : values['signing-key'] ? 'signing-key' : 'master';
  let database: DatabaseOptions;
  if (env.DATABASE_URL) {
    if (values['data-dir']) throw new UsageError(`Give either DATABASE_URL or --data-dir, not both.\n\n${rotateUsage}`);
    database = { kind: 'postgres', url: env.DATABASE_URL };
  } else {
    const dataDir = resolve(values['data-dir'] ?? DEFAULT_DATA_DIR);
    if (!existsSync(dataDir)) throw new UsageError(`No server data folder at ${dataDir}. Name one with --data-dir, or set DATABASE_URL.`);
    database = { kind: 'pglite', dataDir };
  }
  const keyFile = masterKeyFilePath(database, values['master-key-file'], env as NodeJS.ProcessEnv);
  if (keyFile === null) throw new UsageError(`Name the master key file with --master-key-file.\n\n${rotateUsage}`);
  return { database, keyFile: resolve(keyFile), mode, tenantId };
}
