/**
 * Workstation approval and revocation in real Chromium: a new workstation waits showing its code, the administrator
 * approves it by that code in Administration → Workstations, later revokes it with a reason; at its next sync the
 * workstation erases its local data and says when and why.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startSyncServer, type RunningSyncServer } from '@eonpro/sync-server';
import { startBrowserMode, type BrowserMode } from '../../src/web/launch.ts';
import { fixedKeyProvider } from '../host/support/testStore.ts';
import { launchChromium } from './support/chromium.ts';
import { buildRenderer } from './support/renderer.ts';
import { setUpClinic, signIn } from './support/session.ts';
import { TestAuthenticator } from '../host/support/testAuthenticator.ts';
import { openWorkstationsTab } from './support/workstations.ts';

const admin = { clinic: 'Lakeside Clinic', name: 'Rhea Admin', email: 'rhea@lakeside.test', password: 'a-long-admin-password-2' };
const REASON = 'Laptop stolen from the car';

describe('approving and revoking a workstation', () => {
  let dir: string;
  let server: RunningSyncServer | undefined;
  /** The administrator's authenticator app; the server reads its clock. */
  const authenticator = new TestAuthenticator();
  let workstationA: BrowserMode | undefined;
  let workstationB: BrowserMode | undefined;
  let browser: Browser | undefined;

  async function openWorkstation(workstation: BrowserMode): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(workstation.url);
    return page;
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eonpro-revocation-e2e-'));
    const rendererDir = join(dir, 'renderer');
    await buildRenderer(rendererDir);
    server = await startSyncServer({ port: 0, metricsPort: 0, database: { kind: 'pglite' }, logLevel: 'silent', now: authenticator.now });
    const workstation = (name: string) =>
      startBrowserMode({ dataDir: join(dir, name), serverUrl: server!.url, rendererDir, keyProvider: fixedKeyProvider(randomBytes(32)), syncIntervalMs: 1_000 });
    workstationA = await workstation('workstation-a');
    workstationB = await workstation('workstation-b');
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await workstationB?.close();
    await workstationA?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('B waits for approval with its code, A approves it, revokes it with a reason, and B erases itself and says why', { timeout: 180_000 }, async () => {
    const pageA = await openWorkstation(workstationA!);
    await setUpClinic(pageA, admin, authenticator);

    const pageB = await openWorkstation(workstationB!);
    await signIn(pageB, admin, { approvedFrom: pageA, authenticator });

    await openWorkstationsTab(pageA);
    const panel = pageA.getByRole('tabpanel');
    await panel.getByRole('cell', { name: /\(this workstation\)$/ }).waitFor();
    const approvedRows = panel.getByRole('row').filter({ hasText: 'Approved' });
    assert.equal(await approvedRows.count(), 2);

    await panel.getByRole('button', { name: /^Revoke / }).press('Enter');
    const dialog = pageA.getByRole('dialog', { name: /^Revoke / });
    await dialog.getByLabel('Reason').press('Enter');
    await dialog.getByText('Say why, in a few words (at least 3 characters)').waitFor();
    await dialog.getByLabel('Reason').fill(REASON);
    await dialog.getByRole('button', { name: 'Revoke and erase' }).click();
    await pageA.getByText(/is revoked\. It erases its local data/).waitFor();
    await panel.getByRole('cell', { name: REASON }).waitFor();

    // B syncs every second: its next contact with the server erases it.
    await pageB.getByRole('heading', { name: 'Workstation revoked' }).waitFor({ timeout: 30_000 });
    const message = await pageB.getByRole('alert').filter({ hasText: 'revoked' }).innerText();
    assert.match(message, new RegExp(`This workstation was revoked by the clinic on .+: ${REASON}\\. Its local data has been erased\\.`));
    // What the erase took with it is said: here nothing, as B had sent everything.
    assert.match(message, /Every change made here had reached the clinic\./);
    assert.equal(await pageB.getByRole('heading', { name: 'Find patient' }).count(), 0);
    const dbPath = join(dir, 'workstation-b', 'clinic.db');
    for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) assert.equal(existsSync(file), false, `${file} is gone`);
    assert.ok(existsSync(join(dir, 'workstation-b', 'workstation-revoked.json')));
  });
});
