/**
 * The idle lock and break-glass access in real Chromium on a browser-mode workstation whose host reads a clock the
 * test moves: the administrator sets a 1-minute policy, restricts a patient, opens the record again only with a
 * reason (which the administrator then reviews in Administration), the session locks over a half-typed edit that is still there after unlocking, and with the server gone
 * the same person signs in offline.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startSyncServer, type RunningSyncServer } from '@eonpro/sync-server';
import { startBrowserMode, type BrowserMode } from '../../src/web/launch.ts';
import { TestAuthenticator } from '../host/support/testAuthenticator.ts';
import { fixedKeyProvider } from '../host/support/testStore.ts';
import { launchChromium, recordConsole } from './support/chromium.ts';
import { buildRenderer } from './support/renderer.ts';
import { setUpClinic, signIn } from './support/session.ts';

const admin = { clinic: 'Lockwood Clinic', name: 'Lena Admin', email: 'lena@lockwood.test', password: 'a-long-admin-password-3' };
const patient = { given: 'Vera', family: 'Guarded', birthDate: '1971-03-09', sex: 'female' };
const heading = `${patient.family}, ${patient.given}`;

describe('idle lock and break-glass screens', () => {
  let dir: string;
  let server: RunningSyncServer | undefined;
  let workstation: BrowserMode | undefined;
  let browser: Browser | undefined;
  const authenticator = new TestAuthenticator();
  let now = Date.now();

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eonpro-lock-e2e-'));
    const rendererDir = join(dir, 'renderer');
    await buildRenderer(rendererDir);
    server = await startSyncServer({ port: 0, metricsPort: 0, database: { kind: 'pglite' }, logLevel: 'silent', now: authenticator.now });
    workstation = await startBrowserMode({
      dataDir: join(dir, 'desktop'),
      serverUrl: server.url,
      rendererDir,
      keyProvider: fixedKeyProvider(randomBytes(32)),
      clock: () => now,
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await workstation?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('restricts a patient, asks a reason to open them, locks over unsaved work that survives unlocking, signs in offline', { timeout: 180_000 }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleLines = recordConsole(page);
    await page.goto(workstation!.url);
    await setUpClinic(page, admin, authenticator);
    const nav = page.getByRole('navigation', { name: 'Main' });

    // A short clinic policy, set in Administration.
    await nav.getByRole('button', { name: 'Administration' }).click();
    await page.getByRole('tab', { name: 'Security policy' }).click();
    // The current policy loads into the field first; typing before it arrives would be overwritten.
    await page.waitForFunction(() => [...document.querySelectorAll('input')].some((input) => input.value === '10'));
    await page.getByLabel('Idle lock (minutes)').fill('0');
    await page.getByLabel('Idle lock (minutes)').press('Enter');
    await page.getByText('A whole number of minutes from 1 to 60').waitFor();
    await page.getByLabel('Idle lock (minutes)').fill('1');
    await page.getByLabel('Idle lock (minutes)').press('Enter');
    await page.getByText('Saved: sessions lock after 1 minute without activity.').waitFor();

    // The administrator registers a patient and restricts the record.
    await nav.getByRole('button', { name: 'Register patient' }).click();
    await page.getByLabel('Given name').fill(patient.given);
    await page.getByLabel('Family name').fill(patient.family);
    await page.getByLabel('Date of birth').fill(patient.birthDate);
    await page.getByLabel('Sex').selectOption(patient.sex);
    await page.getByLabel('Given name').press('Enter');
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.getByRole('button', { name: 'Restrict record' }).click();
    await page.getByText('Restricted record: others must give a reason').waitFor();

    // A new session: search shows the lock marker, name and age only; opening asks for a reason.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, admin, { authenticator });
    await page.getByRole('combobox', { name: 'Search patients' }).fill(patient.family);
    const option = page.getByRole('option', { name: new RegExp(patient.family) });
    await option.waitFor();
    const row = await option.innerText();
    assert.match(row, /Restricted record · \d+ y/);
    assert.doesNotMatch(row, /1971|MRN|Female/);
    await option.click();
    await page.getByText('This record is restricted').waitFor();
    await page.getByRole('button', { name: 'Open restricted record' }).click();
    await page.getByText('Choose why you need access').waitFor();
    await page.getByText(/At least 10 characters/).first().waitFor();
    await page.getByLabel('Reason for access').selectOption('emergency-care');
    await page.getByLabel('Explanation').fill('Collapsed at reception, need allergies');
    await page.getByLabel('Explanation').press('Enter');
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();

    // After a sync the reason is on the server: Administration shows it, checked against the audit trail.
    await page.getByRole('region', { name: 'Sync status' }).getByRole('button', { name: 'Sync now' }).click();
    await nav.getByRole('button', { name: 'Administration' }).click();
    await page.getByRole('tab', { name: 'Break-glass review' }).click();
    const reviewed = page.getByRole('row').filter({ hasText: 'Collapsed at reception, need allergies' });
    for (let attempt = 0; attempt < 10 && !(await reviewed.isVisible()); attempt++) {
      await page.getByRole('button', { name: 'Show' }).click();
      await reviewed.waitFor({ timeout: 2_000 }).catch(() => undefined);
    }
    const reviewRow = await reviewed.innerText();
    assert.match(reviewRow, /Lena Admin \(admin\)/);
    assert.match(reviewRow, /Emergency care/);
    assert.match(reviewRow, /Matches the audit trail/);
    await nav.getByRole('button', { name: /Find patient/ }).click();
    await page.getByRole('combobox', { name: 'Search patients' }).fill(patient.family);
    await page.getByRole('option', { name: new RegExp(patient.family) }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();

    // Half-way through an edit, the person walks away: after the clinic's minute the session locks over it.
    await page.getByRole('button', { name: 'Edit demographics' }).click();
    await page.getByLabel('Phone').fill('555-0142');
    now += 61_000;
    await page.getByRole('heading', { name: `Locked: ${admin.name}` }).waitFor({ timeout: 20_000 });
    assert.match(await page.getByText(/locked after 1 minute without activity/).innerText(), new RegExp(admin.email));
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.getByText('That password is not correct.').waitFor();
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.getByRole('heading', { name: `Locked: ${admin.name}` }).waitFor({ state: 'detached' });
    assert.equal(await page.getByLabel('Phone').inputValue(), '555-0142', 'the unsaved edit is still there');

    // With the server gone, the same person signs in offline (password only), and the header says so.
    await page.getByRole('button', { name: 'Sign out' }).click();
    const stopped = server;
    server = undefined;
    await stopped?.close();
    await signIn(page, admin);
    await page.getByText('Signed in offline', { exact: true }).waitFor();

    assert.deepEqual(consoleLines.filter((line) => line.includes(patient.family) || line.includes('Collapsed')), []);
  });
});
