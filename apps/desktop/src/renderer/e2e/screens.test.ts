/**
 * The renderer as people use it: built by Vite, served by browser mode (the real host with its SQLCipher file),
 * talking to a real sync server (PGlite), driven in Chromium by role and label.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startSyncServer } from '@eonpro/sync-server';
import { startBrowserMode, type BrowserMode } from '../../web/launch.ts';
import { launchChromium, recordConsole } from '../../../test/e2e/support/chromium.ts';
import { buildRenderer } from '../../../test/e2e/support/renderer.ts';
import { setUpClinic } from '../../../test/e2e/support/session.ts';
import { TestAuthenticator } from '../../../test/host/support/testAuthenticator.ts';

const synthea = fileURLToPath(new URL('../../../../../../shared/fixtures/synthea/', import.meta.url));
const admin = { clinic: 'Riverbend Family Clinic', name: 'Dana Admin', email: 'dana@riverbend.test', password: 'a-long-admin-password-1' };

/** A family name no other test uses, letters only, so each test finds only its own patients. */
function uniqueFamilyName(): string {
  const letters = [...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  return `Zeb${letters}`;
}

describe('renderer screens in Chromium', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startSyncServer>>;
  /** The administrator's authenticator app; the server reads its clock. */
  const authenticator = new TestAuthenticator();
  let app: BrowserMode;
  let browser: Browser;
  const consoleLines = new WeakMap<Page, string[]>();

  /** A fresh tab opened from the launch link, already past the first-start screens. */
  async function openApp(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    consoleLines.set(page, recordConsole(page));
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Find patient' }).waitFor();
    return page;
  }

  /** Closes the tab after checking that none of the patient names typed in it reached the browser console. */
  async function closeChecked(page: Page, typedNames: string[]): Promise<void> {
    for (const line of consoleLines.get(page) ?? []) {
      for (const name of typedNames) assert.ok(!line.includes(name), 'a patient name reached the browser console');
    }
    await page.close();
  }

  async function registerPatient(page: Page, patient: { given: string; family: string; birthDate: string; sex: string }): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Register patient' }).click();
    await page.getByLabel('Given name').fill(patient.given);
    await page.getByLabel('Family name').fill(patient.family);
    await page.getByLabel('Date of birth').fill(patient.birthDate);
    await page.getByLabel('Sex').selectOption(patient.sex);
    await page.getByLabel('Given name').press('Enter');
    await page.getByRole('article', { name: 'Patient chart' }).waitFor();
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eonpro-renderer-e2e-'));
    const rendererDir = join(dir, 'renderer');
    await buildRenderer(rendererDir);
    server = await startSyncServer({ port: 0, metricsPort: 0, database: { kind: 'pglite' }, logLevel: 'warn', logFile: join(dir, 'server.log'), now: authenticator.now });
    app = await startBrowserMode({ dataDir: join(dir, 'desktop'), serverUrl: server.url, port: 0, rendererDir });
    browser = await launchChromium();

    // First start, once for every test: unlock (where no OS keychain answers), then set up the clinic.
    const page = await browser.newPage();
    await page.goto(app.url);
    await setUpClinic(page, admin, authenticator);
    await page.close();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('takes the launch token out of the address bar and shows clinic, user and sync status', async () => {
    const page = await openApp();
    assert.doesNotMatch(page.url(), /token/);
    const header = page.getByRole('banner');
    assert.match(await header.innerText(), /Riverbend Family Clinic/);
    assert.match(await header.innerText(), /Dana Admin/);
    const sync = page.getByRole('region', { name: 'Sync status' });
    assert.match(await sync.innerText(), /waiting|Up to date|Syncing/i);
    assert.ok(await sync.getByRole('button', { name: /Sync now|Syncing/ }).isVisible());
    await closeChecked(page, []);
  });

  it('shows every registration problem beside its field and keeps the form', async () => {
    const page = await openApp();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Register patient' }).click();
    await page.getByLabel('Given name').fill('Valentina');
    await page.getByLabel('Date of birth').fill('2999-01-01');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Email').press('Enter');

    const familyName = page.getByLabel('Family name');
    assert.equal(await familyName.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Date of birth').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Sex').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Email').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Given name').getAttribute('aria-invalid'), null);
    const describedBy = (await page.getByLabel('Date of birth').getAttribute('aria-describedby'))!.split(' ')[0]!;
    assert.equal(await page.locator(`[id="${describedBy}"]`).textContent(), 'Cannot be in the future');
    assert.match(await page.getByRole('alert').first().innerText(), /Patient not registered/);
    assert.ok(await page.getByRole('heading', { name: 'Register patient' }).isVisible(), 'still on the form');
    await closeChecked(page, ['Valentina']);
  });

  it('registers a patient and opens a chart that says no known allergies are recorded', async () => {
    const page = await openApp();
    const family = uniqueFamilyName();
    await registerPatient(page, { given: 'Ottilie', family, birthDate: '1984-07-09', sex: 'female' });
    const chart = page.getByRole('article', { name: 'Patient chart' });
    assert.equal(await chart.getByRole('heading', { level: 1 }).textContent(), `${family}, Ottilie`);
    assert.match(await chart.innerText(), /9 Jul 1984/);
    assert.ok(await chart.getByText('No allergies recorded').isVisible());
    await closeChecked(page, [family]);
  });

  it('finds a patient despite a typo, from Ctrl+K anywhere, with arrow keys and Enter', async () => {
    const page = await openApp();
    const family = uniqueFamilyName();
    await registerPatient(page, { given: 'Bartholomew', family, birthDate: '1950-02-11', sex: 'male' });

    await page.keyboard.press('Control+k');
    const search = page.getByRole('combobox', { name: 'Search patients' });
    assert.equal(await search.evaluate((el) => el === document.activeElement), true, 'Ctrl+K focuses the search box');
    await search.fill(`Bartholomeu ${family}`);
    const option = page.getByRole('option', { name: new RegExp(`${family}, Bartholomew`) });
    await option.waitFor();
    await search.press('ArrowDown');
    assert.equal(await option.getAttribute('aria-selected'), 'true');
    assert.equal(await search.getAttribute('aria-activedescendant'), await option.getAttribute('id'));
    await search.press('Enter');
    await page.getByRole('heading', { level: 1, name: `${family}, Bartholomew` }).waitFor();

    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Find patient' }).waitFor();
    assert.equal(await search.inputValue(), `Bartholomeu ${family}`, 'Esc goes back to the search, which kept its query');
    await closeChecked(page, [family]);
  });

  it('offers registration when nothing matches, pre-filled from the search', async () => {
    const page = await openApp();
    const family = uniqueFamilyName();
    await page.getByRole('combobox', { name: 'Search patients' }).fill(`${family}, Henrietta`);
    await page.getByRole('button', { name: 'No matches — register a new patient' }).click();
    assert.equal(await page.getByLabel('Family name').inputValue(), family);
    assert.equal(await page.getByLabel('Given name').inputValue(), 'Henrietta');
    await closeChecked(page, [family]);
  });

  it('warns about a possible duplicate before saving a second record for the same person', async () => {
    const page = await openApp();
    const family = uniqueFamilyName();
    await registerPatient(page, { given: 'Marguerite', family, birthDate: '1977-10-30', sex: 'female' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Register patient' }).click();
    await page.getByLabel('Given name').fill('Margerite');
    await page.getByLabel('Family name').fill(family);
    await page.getByLabel('Date of birth').fill('1977-10-30');
    await page.getByLabel('Sex').selectOption('female');
    await page.getByLabel('Sex').press('Enter');
    const duplicates = page.getByRole('list', { name: 'Possible duplicates' });
    await duplicates.waitFor();
    assert.match(await duplicates.innerText(), new RegExp(`${family}, Marguerite`));

    await duplicates.getByRole('button', { name: /Open chart/ }).click();
    await page.getByRole('dialog', { name: 'Leave without saving?' }).waitFor();
    await page.getByRole('button', { name: 'Leave and discard' }).click();
    await page.getByRole('heading', { level: 1, name: `${family}, Marguerite` }).waitFor();
    await closeChecked(page, [family]);
  });

  it('records an allergy prominently, then marks it entered in error', async () => {
    const page = await openApp();
    const family = uniqueFamilyName();
    await registerPatient(page, { given: 'Anselm', family, birthDate: '1969-03-21', sex: 'male' });

    await page.getByRole('button', { name: 'Record allergy' }).click();
    await page.getByLabel('Substance').press('Enter');
    assert.equal(await page.getByLabel('Substance').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('Substance').fill('Penicillin');
    await page.getByLabel('Category').selectOption('medication');
    await page.getByLabel('Criticality').selectOption('high');
    await page.getByLabel('Reaction').fill('Hives');
    await page.getByLabel('Reaction').press('Enter');
    const allergies = page.getByRole('list', { name: 'Allergies' });
    await allergies.waitFor();
    assert.match(await allergies.innerText(), /Penicillin\s*High criticality/);
    assert.equal(await page.getByRole('button', { name: 'Record allergy' }).evaluate((el) => el === document.activeElement), true, 'focus returns');

    await page.getByRole('button', { name: 'Mark allergy Penicillin entered in error' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark as entered in error?' });
    await dialog.getByRole('button', { name: 'Mark entered in error' }).click();
    await page.getByText('No allergies recorded').waitFor();
    await closeChecked(page, [family]);
  });

  it('records a problem with its onset date', async () => {
    const page = await openApp();
    const family = uniqueFamilyName();
    await registerPatient(page, { given: 'Cordelia', family, birthDate: '1958-12-01', sex: 'female' });
    await page.getByRole('button', { name: 'Record problem' }).click();
    await page.getByLabel('Problem', { exact: true }).fill('Essential hypertension');
    await page.getByLabel('Onset date').fill('2015-03-01');
    await page.getByLabel('Onset date').press('Enter');
    const problems = page.getByRole('list', { name: 'Problems' });
    await problems.waitFor();
    assert.match(await problems.innerText(), /Essential hypertension\s*Active\s*Onset 1 Mar 2015/);
    await closeChecked(page, [family]);
  });

  it('edits demographics and shows the change on the chart', async () => {
    const page = await openApp();
    const family = uniqueFamilyName();
    await registerPatient(page, { given: 'Leopold', family, birthDate: '1991-05-05', sex: 'male' });
    await page.getByRole('button', { name: 'Edit demographics' }).click();
    await page.getByLabel('City').fill('Springfield');
    await page.getByLabel('City').press('Enter');
    await page.getByRole('article', { name: 'Patient chart' }).waitFor();
    assert.match(await page.getByRole('article', { name: 'Patient chart' }).innerText(), /Springfield/);
    await closeChecked(page, [family]);
  });

  it('imports files one at a time with progress, a summary per file and the exact problems of a rejected file', async () => {
    const page = await openApp();
    const broken = join(dir, 'broken-bundle.json');
    await writeFile(
      broken,
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate: '1990-02-30', gender: 'female', name: [{ family: 'Q', given: ['Q'] }] } }],
      }),
    );
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import FHIR' }).click();
    await page.getByLabel('FHIR bundle files').setInputFiles([join(synthea, 'Edward_Gulgowski_43481611-2459-44f5-ab20-4b142dac160f.json'), broken]);
    await page.getByRole('button', { name: 'Import 2 files' }).click();
    const finished = page.getByRole('progressbar', { name: 'Import finished' });
    await finished.waitFor({ timeout: 120_000 });
    assert.equal(await finished.getAttribute('aria-valuenow'), '2');
    assert.equal(await finished.getAttribute('aria-valuemax'), '2');

    const rows = page.getByRole('table', { name: 'Import results by file' }).getByRole('row');
    const cells = async (index: number) => (await rows.nth(index).getByRole('cell').allInnerTexts()).map((text) => text.trim());
    assert.deepEqual((await cells(1)).slice(0, 4), ['Edward_Gulgowski_43481611-2459-44f5-ab20-4b142dac160f.json', 'Imported', '1', '0']);
    assert.deepEqual((await cells(2)).slice(0, 3), ['broken-bundle.json', 'Rejected — nothing imported', '0']);
    const issues = page.getByRole('list', { name: 'Problems in broken-bundle.json' });
    assert.match(await issues.innerText(), /entry\[0\]\.resource\.birthDate\s*Must be a real calendar date/);
    await closeChecked(page, ['Gulgowski']);
  });
});
