import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { openPgliteDatabase } from '../../apps/sync-server/src/db/pgliteDatabase.ts';
import { MasterKeyFile } from '../../apps/sync-server/src/keys/masterKeyFile.ts';
import { MASTER_KEY_FILE_NAME } from '../../apps/sync-server/src/keys/masterKeyLocation.ts';
import { prepareServices, type ServerServices } from '../../apps/sync-server/src/services.ts';
import { withTenant } from '../../apps/sync-server/src/tenancy/tenantScope.ts';
import { TestClinic } from '../../apps/sync-server/test/support/testServer.ts';
import { rotateKeys } from './rotateKeys.ts';

const SSN = '219-09-9999';

/** The services of an embedded server folder, with the key file beside it as the server keeps it. */
async function openServer(dataDir: string): Promise<ServerServices> {
  const provider = await MasterKeyFile.open(join(dataDir, '..', MASTER_KEY_FILE_NAME));
  return prepareServices(await openPgliteDatabase(dataDir), pino({ level: 'silent' }), provider);
}

async function run(argv: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await rotateKeys(argv, {}, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

async function sealedSsn(services: ServerServices, tenantId: string): Promise<{ stored: string; opened: string }> {
  return withTenant(services.db, tenantId, async (tx) => {
    const [stored] = await tx.query<{ ssn_sealed: string }>('select ssn_sealed from patients');
    return { stored: stored!.ssn_sealed, opened: await services.sealer.open(tx, tenantId, stored!.ssn_sealed, 'patient.ssn') };
  });
}

describe('npm run keys:rotate', () => {
  let root: string;
  let dataDir: string;
  let tenantId: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'eonpro-keys-rotate-'));
    dataDir = join(root, 'server');
    const services = await openServer(dataDir);
    try {
      const clinic = await TestClinic.create(services);
      tenantId = clinic.tenantId;
      const device = await clinic.device();
      await device.push([device.create('patient', { mrn: 'M-1', givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-01', sex: 'female', ssn: SSN })]);
    } finally {
      await services.db.close();
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('rotates the master key: the key file moves to version 2 alone and every sealed value still opens', async () => {
    const keyFile = join(root, MASTER_KEY_FILE_NAME);
    const { code, output } = await run(['--data-dir', dataDir]);
    assert.equal(code, 0, output);
    assert.match(output, /is at version 2: 1 data keys and 1 signing keys re-wrapped/);
    assert.match(output, /Back up the master key file now, separately from the database backups/);
    assert.deepEqual(JSON.parse(readFileSync(keyFile, 'utf8')).versions.map((v: { version: number }) => v.version), [2]);
    const services = await openServer(dataDir);
    try {
      assert.equal((await sealedSsn(services, tenantId)).opened, SSN);
    } finally {
      await services.db.close();
    }
  });

  it('rotates the data keys and re-seals, and the signing key', async () => {
    const dataKeys = await run(['--data-dir', dataDir, '--data-keys']);
    assert.equal(dataKeys.code, 0, dataKeys.output);
    assert.equal(dataKeys.output, `Clinic ${tenantId}: data key version 2, 1 patient records re-sealed.`);
    const signing = await run(['--data-dir', dataDir, '--signing-key']);
    assert.equal(signing.code, 0, signing.output);
    const services = await openServer(dataDir);
    try {
      const { stored, opened } = await sealedSsn(services, tenantId);
      assert.match(stored, /^v1\.2\./);
      assert.equal(opened, SSN);
      assert.ok(signing.output.includes(services.keys.current.kid));
      const actions = await withTenant(services.db, tenantId, (tx) =>
        tx.query<{ action: string }>(`select action from audit_log where action like '%-key-rotate' order by seq`),
      );
      assert.deepEqual(actions.map((row) => row.action), ['master-key-rotate', 'data-key-rotate', 'signing-key-rotate']);
    } finally {
      await services.db.close();
    }
  });

  it('refuses to run without the key file, or with a bad command line, and answers 2', async () => {
    const missing = await run(['--data-dir', dataDir, '--master-key-file', join(root, 'nowhere.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.output, /No master key file at .*nowhere\.json/);
    assert.equal((await run(['--data-dir', dataDir, '--tenant', tenantId])).code, 2);
    assert.equal((await run(['--data-dir', join(root, 'missing')])).code, 2);
  });
});
