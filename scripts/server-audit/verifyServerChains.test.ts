import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkpointTenant } from '../../apps/sync-server/src/audit/checkpointTenant.ts';
import { openPgliteDatabase } from '../../apps/sync-server/src/db/pgliteDatabase.ts';
import type { ServerServices } from '../../apps/sync-server/src/services.ts';
import { recordEvents, tamperAsOwner } from '../../apps/sync-server/test/audit/auditFixtures.ts';
import { openTestServices, TestClinic } from '../../apps/sync-server/test/support/testServer.ts';
import { verifyServerChains } from './verifyServerChains.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A server data folder with two clinics' audit trails (three entries each, the last signed by a checkpoint). */
async function createServerData(): Promise<{ dataDir: string; tenants: [string, string] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eonpro-audit-verify-'));
  const services = await openServices(dataDir);
  try {
    const tenants: string[] = [];
    for (const name of ['North', 'South']) {
      const { tenantId } = await TestClinic.create(services, name);
      await recordEvents(services, tenantId, 2);
      await checkpointTenant(services, tenantId, null);
      tenants.push(tenantId);
    }
    return { dataDir, tenants: tenants as [string, string] };
  } finally {
    await services.db.close();
  }
}

async function openServices(dataDir: string): Promise<ServerServices> {
  return openTestServices(await openPgliteDatabase(dataDir));
}

async function run(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await verifyServerChains(argv, env, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

describe('npm run audit:verify (server chains)', () => {
  // Read by every test but the one that tampers, which makes its own.
  let shared: { dataDir: string; tenants: [string, string] };
  before(async () => {
    shared = await createServerData();
  });
  after(() => rmSync(shared.dataDir, { recursive: true, force: true }));

  it('reports every clinic intact, with its checkpoints, and answers 0', async () => {
    const { code, output } = await run(['--data-dir', shared.dataDir]);
    assert.equal(code, 0, output);
    for (const tenantId of shared.tenants) {
      assert.match(output, new RegExp(`Clinic ${tenantId}: intact, 3 entries, head [0-9a-f]{64}; signed checkpoints: 1, vouching through entry 3`));
    }
  });

  it('verifies only the clinic named with --tenant', async () => {
    const [north, south] = shared.tenants;
    const { code, output } = await run(['--data-dir', shared.dataDir, '--tenant', south]);
    assert.equal(code, 0, output);
    assert.ok(output.includes(south) && !output.includes(north));
  });

  it('cannot run without a data folder, a well-formed clinic id or a clinic of that id, and says so with exit code 2', async () => {
    const missing = await run(['--data-dir', join(shared.dataDir, 'nowhere')]);
    assert.deepEqual([missing.code, /No server data folder/.test(missing.output)], [2, true]);
    const malformed = await run(['--data-dir', shared.dataDir, '--tenant', 'north']);
    assert.deepEqual([malformed.code, /must be a clinic id/.test(malformed.output)], [2, true]);
    const unknown = await run(['--data-dir', shared.dataDir, '--tenant', '0190b5a4-0000-7000-8000-000000000000']);
    assert.deepEqual([unknown.code, /There is no clinic/.test(unknown.output)], [2, true]);
  });

  it('names the first broken link and exits with 1 from the command line', async () => {
    const { dataDir, tenants: [north, south] } = await createServerData();
    try {
      const services = await openServices(dataDir);
      const [second] = await services.db.query<{ event_id: string }>('select event_id from audit_log where tenant_id = $1 and seq = 2', [south]);
      await tamperAsOwner(services, south, (tx) =>
        tx.query(`update audit_log set event = jsonb_set(event, '{action}', '"print"') where seq = 2 and tenant_id = app_current_tenant()`),
      );
      await services.db.close();

      const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', '--data-dir', dataDir], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '' },
      });
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stdout, new RegExp(`Clinic ${north}: intact`));
      assert.ok(result.stdout.includes(`Clinic ${south}: BROKEN at entry 2, event ${second!.event_id}: Entry 2 was changed after it was recorded [hash-mismatch]`), result.stdout);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
