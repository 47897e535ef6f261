import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createTRPCClient, httpLink } from '@trpc/client';
import { startSyncServer, type AppRouter } from '@eonpro/sync-server';
import { finishSignIn, TestAuthenticator } from '../../apps/sync-server/test/support/authenticator.ts';
import { WorkstationKey } from '../../apps/sync-server/test/support/workstationKey.ts';
import { importerDevice } from './deviceIdentity.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const syntheaDir = fileURLToPath(new URL('../../../shared/fixtures/synthea/', import.meta.url));
const admin = { clinicName: 'Import Test Clinic', adminName: 'Ada Admin', email: 'admin@import.test', password: 'correct horse battery staple' };

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run import`'s script as a child process, the way a person would. */
function runImport(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const { EONPRO_EMAIL: _email, EONPRO_PASSWORD: _password, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/import.ts'), ...args], {
      cwd: repoRoot,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A port nothing listens on: taken from the system, then released. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface FixtureFacts {
  files: number;
  allergies: number;
  conditions: number;
  medications: number;
  /** Values that must never appear in the importer's output. */
  phi: string[];
}

async function syntheaFacts(): Promise<FixtureFacts> {
  const facts: FixtureFacts = { files: 0, allergies: 0, conditions: 0, medications: 0, phi: [] };
  for (const name of (await readdir(syntheaDir)).filter((n) => n.endsWith('.json'))) {
    const bundle = JSON.parse(await readFile(path.join(syntheaDir, name), 'utf8')) as { entry: { resource: Record<string, unknown> }[] };
    facts.files++;
    for (const { resource } of bundle.entry) {
      if (resource.resourceType === 'AllergyIntolerance') facts.allergies++;
      if (resource.resourceType === 'Condition') facts.conditions++;
      if (resource.resourceType === 'MedicationRequest' || resource.resourceType === 'MedicationStatement') facts.medications++;
      if (resource.resourceType === 'Patient') {
        const patient = resource as { birthDate: string; telecom: { value: string }[]; address: { line: string[] }[] };
        facts.phi.push(patient.birthDate, patient.telecom[0]!.value, patient.address[0]!.line[0]!);
      }
    }
  }
  return facts;
}

describe('npm run import against a running sync server', () => {
  let server: { url: string; close(): Promise<void> };
  let facts: FixtureFacts;
  let workDir: string;
  const credentials = () => ['--server', server.url, '--email', admin.email];
  const authenticator = new TestAuthenticator();
  /** The importer's device key file, in the test's own folder. */
  const deviceFile = () => path.join(workDir, 'import-device.json');
  /** The password, a fresh code from the administrator's authenticator, and the importer's device file. */
  const signInEnv = async (password = admin.password) => ({
    EONPRO_PASSWORD: password,
    EONPRO_TOTP_CODE: await authenticator.nextCode(admin.email),
    EONPRO_IMPORT_DEVICE_FILE: deviceFile(),
  });

  before(async () => {
    facts = await syntheaFacts();
    workDir = await mkdtemp(path.join(tmpdir(), 'eonpro-import-cli-'));
    server = await startSyncServer({ port: 0, metricsPort: 0, database: { kind: 'pglite' }, logLevel: 'silent', now: authenticator.now });
    const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc` })] });
    await client.setup.createClinic.mutate(admin);
    // The administrator signs in once on the clinic's first workstation (approved by that sign-in), setting up the
    // authenticator the importer then asks a code of.
    const adminDesk = randomUUID();
    const answer = await client.auth.signIn.mutate({
      email: admin.email,
      password: admin.password,
      deviceId: adminDesk,
      deviceName: 'Admin desk',
      ...WorkstationKey.of(adminDesk).signInFields(admin.email),
    });
    const { auth } = client;
    const calls = { completeMfa: auth.completeMfa.mutate, beginMfaEnrolment: auth.beginMfaEnrolment.mutate, confirmMfaEnrolment: auth.confirmMfaEnrolment.mutate };
    const session = await finishSignIn(calls, authenticator, admin.email, answer);

    // The importer's first run registers this computer and waits; the administrator approves it by its code.
    const waiting = await runImport([syntheaDir, ...credentials()], await signInEnv());
    assert.equal(waiting.code, 2);
    const device = importerDevice(deviceFile());
    assert.match(waiting.stderr, new RegExp(`waiting for approval: .*"Import command \\(.+\\)" \\(code ${device.fingerprint}\\)`));
    const asAdmin = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc`, headers: { authorization: `Bearer ${session.accessToken}` } })] });
    await asAdmin.devices.approve.mutate({ deviceId: device.deviceId });
  });

  after(async () => {
    await server?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('imports the Synthea folder, then finds every patient already present on a second run', async () => {
    const first = await runImport([syntheaDir, ...credentials()], await signInEnv());
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`\\[${facts.files}/${facts.files}\\] `));
    assert.match(first.stdout, new RegExp(`Files: ${facts.files} — ${facts.files} imported, 0 already present, 0 partly present, 0 failed\\.`));
    const total = new RegExp(`Total\\s+${facts.files}\\s+0\\s+${facts.allergies}\\s+${facts.conditions}\\s+${facts.medications}\\s+\\d+`);
    assert.match(first.stdout, total);
    assert.match(first.stdout, /Observation\s+\d+\s+not charted by EONPro Clinic yet/);

    const second = await runImport([syntheaDir, ...credentials()], await signInEnv());
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, new RegExp(`Files: ${facts.files} — 0 imported, ${facts.files} already present, 0 partly present, 0 failed\\.`));
    assert.match(second.stdout, new RegExp(`Total\\s+0\\s+${facts.files}\\s+0\\s+0\\s+0\\s+\\d+`));

    for (const output of [first.stdout, first.stderr, second.stdout, second.stderr]) {
      for (const value of facts.phi) assert.ok(!output.includes(value), 'the importer printed patient data');
    }
  });

  it('reports a file with invalid JSON or an invalid bundle, imports the others, and exits 1', async () => {
    const folder = path.join(workDir, 'mixed');
    await mkdir(folder);
    const good = (await readdir(syntheaDir)).find((n) => n.endsWith('.json'))!;
    await copyFile(path.join(syntheaDir, good), path.join(folder, good));
    await writeFile(path.join(folder, 'a-truncated.json'), '{"resourceType": "Bundle", "entry": [');
    await writeFile(
      path.join(folder, 'b-bad-birth-date.json'),
      JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'p1', name: [{ given: ['Zqxcanary'], family: 'Test' }], birthDate: '1990-02-30' } }] }),
    );
    const run = await runImport([folder, ...credentials()], await signInEnv());
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /\[\d\/3\] a-truncated\.json … FAILED: 1 problem/);
    assert.match(run.stdout, /\[\d\/3\] b-bad-birth-date\.json … FAILED: 1 problem/);
    assert.match(run.stdout, /\(whole file\): Not valid JSON: the file ends too early/);
    assert.match(run.stdout, /entry\[0\]\.resource\.birthDate: Must be a real calendar date/);
    assert.match(run.stdout, new RegExp(`\\[\\d/3\\] ${good.replace(/[.]/g, '\\.')} … 1 patient (imported|already present)`));
    assert.match(run.stdout, /Files: 3 — \d imported, \d already present, 0 partly present, 2 failed\./);
    assert.ok(!run.stdout.includes('Zqxcanary'));
  });

  it('exits 2 with a clear message for a missing folder, a wrong password or an unreachable server', async () => {
    const missing = await runImport([path.join(workDir, 'nope'), ...credentials()], await signInEnv());
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot find .*nope: no such file or folder/);

    const wrongPassword = await runImport([syntheaDir, ...credentials()], await signInEnv('not the password'));
    assert.equal(wrongPassword.code, 2);
    assert.match(wrongPassword.stderr, /Could not sign in/);
    assert.ok(!wrongPassword.stderr.includes('not the password'));

    const closedPort = await freePort();
    const unreachable = await runImport([syntheaDir, '--server', `http://127.0.0.1:${closedPort}`, '--email', admin.email], await signInEnv());
    assert.equal(unreachable.code, 2);
    assert.match(unreachable.stderr, new RegExp(`Cannot reach the sync server at http://127\\.0\\.0\\.1:${closedPort} \\(ECONNREFUSED\\)`));

    const noPassword = await runImport([syntheaDir, ...credentials()]);
    assert.equal(noPassword.code, 2);
    assert.match(noPassword.stderr, /EONPRO_PASSWORD/);
  });
});
