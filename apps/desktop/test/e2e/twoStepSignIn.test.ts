/**
 * Two-step sign-in in real Chromium: the administrator of a new clinic sets up an authenticator from the QR code's
 * key, keeps the recovery codes, then signs in again with a code and with a recovery code, by keyboard.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startSyncServer, type RunningSyncServer } from '@eonpro/sync-server';
import { startBrowserMode, type BrowserMode } from '../../src/web/launch.ts';
import { TestAuthenticator } from '../host/support/testAuthenticator.ts';
import { fixedKeyProvider } from '../host/support/testStore.ts';
import { launchChromium, recordConsole } from './support/chromium.ts';
import { buildRenderer } from './support/renderer.ts';
import { createClinic, submitPassword } from './support/session.ts';

const admin = { clinic: 'Two Step Clinic', name: 'Tess Admin', email: 'tess@twostep.test', password: 'a-long-admin-password-2' };
const WRONG_CODE = '000000';

describe('two-step sign-in screens', () => {
  let dir: string;
  let server: RunningSyncServer | undefined;
  let workstation: BrowserMode | undefined;
  let browser: Browser | undefined;
  const authenticator = new TestAuthenticator();

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eonpro-two-step-e2e-'));
    const rendererDir = join(dir, 'renderer');
    await buildRenderer(rendererDir);
    server = await startSyncServer({ port: 0, metricsPort: 0, database: { kind: 'pglite' }, logLevel: 'silent', now: authenticator.now });
    workstation = await startBrowserMode({ dataDir: join(dir, 'desktop'), serverUrl: server.url, rendererDir, keyProvider: fixedKeyProvider(randomBytes(32)) });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await workstation?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const signInWithPassword = async (page: Page) => {
    await submitPassword(page, admin);
    await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
  };
  const signOut = async (page: Page) => {
    await page.getByRole('button', { name: 'Sign out' }).click();
  };

  it('sets up the authenticator, then signs in with a code and with a recovery code', { timeout: 120_000 }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleLines = recordConsole(page);
    await page.goto(workstation!.url);

    await page.getByRole('heading', { name: 'Set up your clinic' }).waitFor();
    await createClinic(page, admin);

    // Enrolment: a QR code drawn in the page, the key as text, and the code field focused.
    await page.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
    const qr = page.getByRole('img', { name: /QR code/ });
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/svg\+xml/);
    const secret = (await page.getByLabel('Setup key').textContent())!.replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    authenticator.enrol(admin.email, secret);
    const code = page.getByLabel('Code', { exact: true });
    assert.equal(await code.evaluate((input) => input === document.activeElement), true, 'the code field has the focus');
    assert.equal(await code.getAttribute('inputmode'), 'numeric');

    await page.keyboard.type(WRONG_CODE);
    await page.keyboard.press('Enter');
    await page.getByText('Not a valid code').waitFor();
    await code.fill(await authenticator.nextCode(admin.email));
    await code.press('Enter');

    // Recovery codes, shown once; Continue waits for the check that they are kept.
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    const recoveryCodes = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
    assert.equal(recoveryCodes.length, 10);
    const proceed = page.getByRole('button', { name: 'Continue' });
    assert.equal(await proceed.isDisabled(), true);
    await page.keyboard.press('Space');
    await proceed.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Find patient' }).waitFor();

    // Again with a code: a wrong one is refused beside the field, the right one signs in.
    await signOut(page);
    await signInWithPassword(page);
    await page.keyboard.type(WRONG_CODE);
    await page.keyboard.press('Enter');
    await page.getByText('Not a valid code').waitFor();
    await page.keyboard.type(await authenticator.nextCode(admin.email));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Find patient' }).waitFor();

    // And with a recovery code instead.
    await signOut(page);
    await signInWithPassword(page);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    const recovery = page.getByLabel('Recovery code');
    assert.equal(await recovery.evaluate((input) => input === document.activeElement), true);
    await page.keyboard.type(recoveryCodes[0]!);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Find patient' }).waitFor();

    const console = consoleLines.join('\n');
    assert.ok(!console.includes(secret), 'the secret never reaches the console');
    for (const recoveryCode of recoveryCodes) assert.ok(!console.includes(recoveryCode), 'nor a recovery code');
    await page.close();
  });
});
