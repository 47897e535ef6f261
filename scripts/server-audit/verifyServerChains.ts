import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isUuid } from '@eonpro/core';
import type { AuditVerification } from '../../apps/sync-server/src/audit/auditVerification.ts';
import { checkpointVerifier, loadPublicKeys } from '../../apps/sync-server/src/audit/checkpointSignature.ts';
import { withTenantSnapshot } from '../../apps/sync-server/src/audit/tenantSnapshot.ts';
import { verifyTenantChain } from '../../apps/sync-server/src/audit/verifyTenantChain.ts';
import type { Database, DatabaseOptions } from '../../apps/sync-server/src/db/database.ts';
import { openDatabase } from '../../apps/sync-server/src/db/openDatabase.ts';
import { UsageError } from '../import/usageError.ts';

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.eonpro-data/server', import.meta.url));

export const serverUsage = `Usage: npm run audit:verify -- [--tenant <clinic id>] [--data-dir <server data folder>]
       npm run audit:verify -- --desktop <workstation data folder>

Verifies the sync server's audit chains (every clinic, or the one named) and names each chain's first broken link:
every entry's link, the signed checkpoints, the recorded chain head and the workstation chains inside. With
DATABASE_URL set it reads that PostgreSQL; otherwise the embedded database in --data-dir (default
.eonpro-data/server; stop the server first, the embedded database serves one process at a time). Nothing is changed.
Exit code: 0 intact, 1 broken, 2 the check could not run.`;

type Env = Readonly<Record<string, string | undefined>>;

/** Runs the check for a command line; prints ids, counts and hashes only, and answers the exit code. */
export async function verifyServerChains(argv: readonly string[], env: Env, print: (line: string) => void = console.log): Promise<0 | 1 | 2> {
  let db: Database | null = null;
  try {
    const options = readOptions(argv, env);
    if (options === 'help') {
      print(serverUsage);
      return 0;
    }
    db = await openDatabase(options.database);
    const tenantIds = await tenantsToVerify(db, options.tenantId);
    const verifySignature = checkpointVerifier(await loadPublicKeys(db));
    let broken = false;
    for (const tenantId of tenantIds) {
      const result = await withTenantSnapshot(db, tenantId, (tx) => verifyTenantChain(tx, verifySignature));
      print(report(tenantId, result));
      broken ||= !result.ok;
    }
    return broken ? 1 : 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    print(error.message);
    return 2;
  } finally {
    await db?.close();
  }
}

function readOptions(argv: readonly string[], env: Env): { database: DatabaseOptions; tenantId: string | null } | 'help' {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { tenant: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${serverUsage}`);
  }
  if (values.help) return 'help';
  const tenantId = values.tenant ?? null;
  if (tenantId !== null && !isUuid(tenantId)) throw new UsageError(`--tenant must be a clinic id (a UUID).\n\n${serverUsage}`);
  if (env.DATABASE_URL) {
    if (values['data-dir']) throw new UsageError(`Give either DATABASE_URL or --data-dir, not both.\n\n${serverUsage}`);
    return { database: { kind: 'postgres', url: env.DATABASE_URL }, tenantId };
  }
  const dataDir = resolve(values['data-dir'] ?? DEFAULT_DATA_DIR);
  if (!existsSync(dataDir)) throw new UsageError(`No server data folder at ${dataDir}. Name one with --data-dir, or set DATABASE_URL.`);
  return { database: { kind: 'pglite', dataDir }, tenantId };
}

async function tenantsToVerify(db: Database, tenantId: string | null): Promise<string[]> {
  const [schema] = await db.query<{ audit_log: string | null }>(`select to_regclass('audit_log')::text as audit_log`);
  if (!schema?.audit_log) throw new UsageError('This database has no audit trail yet: start this version of the sync server on it once.');
  const rows = await db.query<{ id: string }>('select id from tenants where $1::uuid is null or id = $1 order by id', [tenantId]);
  if (tenantId !== null && rows.length === 0) throw new UsageError(`There is no clinic ${tenantId} in this database.`);
  return rows.map((row) => row.id);
}

function report(tenantId: string, result: AuditVerification): string {
  if (!result.ok) {
    const where = result.deviceId ? ` (workstation ${result.deviceId}, device entry ${result.deviceSeq})` : '';
    return `Clinic ${tenantId}: BROKEN at entry ${result.seq}${where}, event ${result.entryId ?? 'none'}: ${result.message} [${result.reason}]`;
  }
  const count = (n: number) => n.toLocaleString('en-US');
  return (
    `Clinic ${tenantId}: intact, ${count(result.length)} entries, head ${result.head}; ` +
    `signed checkpoints: ${count(result.checkpoints)}, vouching through entry ${count(result.vouchedThrough)}; ` +
    `workstation chains: ${count(result.devices)}`
  );
}
