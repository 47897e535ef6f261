/**
 * Printing and exporting a chart in real Chromium, on a browser-mode workstation with its SQLCipher file and a sync
 * server: "Print chart" (and Ctrl+P) print only after the workstation recorded the print, and "Export FHIR" offers a
 * FHIR R4 file named by the patient's id after recording the export. window.print is stubbed in the page: it notes
 * when it was called and what the print sheet held.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { mapFhirBundle, type DeviceAuditEvent } from '@eonpro/core';
import { startSyncServer, type RunningSyncServer } from '@eonpro/sync-server';
import { readAuditEntries } from '../../src/host/audit/auditRows.ts';
import { LocalStore } from '../../src/host/local/localStore.ts';
import { startBrowserMode, type BrowserMode } from '../../src/web/launch.ts';
import { SYNTHEA_DIR } from '../host/support/synthea.ts';
import { TestAuthenticator } from '../host/support/testAuthenticator.ts';
import { fixedKeyProvider } from '../host/support/testStore.ts';
import { launchChromium, recordConsole } from './support/chromium.ts';
import { buildRenderer } from './support/renderer.ts';
import { setUpClinic } from './support/session.ts';

const admin = { clinic: 'Riverbend Family Clinic', name: 'Dana Admin', email: 'dana@riverbend.test', password: 'a-long-admin-password-1' };
const bundleFile = 'Louis_Maggio_2e275d4b-855a-4eb2-9021-5410aa8acd4f.json';

interface PrintLog {
  /** When window.print was called, and the print sheet's text at that moment. */
  prints: { at: string; sheet: string }[];
}

describe('printing and exporting a chart in Chromium', () => {
  const authenticator = new TestAuthenticator();
  const key = randomBytes(32);
  let dir: string;
  let server: RunningSyncServer | undefined;
  let app: BrowserMode | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let consoleLines: string[];
  let patient: { givenName: string; familyName: string };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eonpro-print-export-e2e-'));
    const rendererDir = join(dir, 'renderer');
    await buildRenderer(rendererDir);
    server = await startSyncServer({ port: 0, metricsPort: 0, database: { kind: 'pglite' }, logLevel: 'silent', now: authenticator.now });
    app = await startBrowserMode({ dataDir: join(dir, 'desktop'), serverUrl: server.url, port: 0, rendererDir, keyProvider: fixedKeyProvider(key) });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.addInitScript(() => {
      const log: PrintLog = { prints: [] };
      Object.assign(window, { printLog: log });
      window.print = () => {
        log.prints.push({ at: new Date().toISOString(), sheet: document.querySelector('.print-sheet')?.textContent ?? '' });
      };
    });
    page = await context.newPage();
    consoleLines = recordConsole(page);
    await page.goto(app.url);
    await setUpClinic(page, admin, authenticator);

    const bundle = JSON.parse(await readFile(join(SYNTHEA_DIR, bundleFile), 'utf8')) as unknown;
    const mapped = mapFhirBundle(bundle);
    assert.ok(mapped.ok);
    patient = mapped.patients[0]!.patient;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import FHIR' }).click();
    await page.getByLabel('FHIR bundle files').setInputFiles(join(SYNTHEA_DIR, bundleFile));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('progressbar', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Find patient' }).click();
    await page.getByRole('combobox', { name: 'Search patients' }).fill(`${patient.givenName} ${patient.familyName}`);
    await page.getByRole('option', { name: new RegExp(patient.familyName) }).click();
    await page.getByRole('heading', { level: 1, name: `${patient.familyName}, ${patient.givenName}` }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const printLog = () => page.evaluate(() => (window as unknown as { printLog: PrintLog }).printLog);

  /** The workstation's audit entries, read through a second connection to its encrypted database. */
  function auditEvents(): DeviceAuditEvent[] {
    const store = LocalStore.open(join(dir, 'desktop', 'clinic.db'), Buffer.from(key));
    try {
      return readAuditEntries(store.db, 0, 100_000).map((entry) => entry.event);
    } finally {
      store.close();
    }
  }

  it('Print chart prints the chart summary with a printed-by footer, after the print was recorded; Ctrl+P does the same', async () => {
    await page.getByRole('button', { name: 'Print chart' }).click();
    await page.waitForFunction(() => (window as unknown as { printLog: PrintLog }).printLog.prints.length === 1);
    await page.keyboard.press('Control+P');
    await page.waitForFunction(() => (window as unknown as { printLog: PrintLog }).printLog.prints.length === 2);

    const { prints } = await printLog();
    for (const print of prints) {
      assert.match(print.sheet, new RegExp(`${patient.familyName}, ${patient.givenName}`));
      assert.match(print.sheet, /Allergies.*Problems.*Medications/s);
      assert.match(print.sheet, /Printed by Dana Admin on /);
    }
    // On paper only the sheet shows; on screen only the app.
    const sheet = page.locator('.print-sheet');
    const chart = page.getByRole('article', { name: 'Patient chart' });
    assert.deepEqual([await sheet.isVisible(), await chart.isVisible()], [false, true]);
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual([await sheet.isVisible(), await chart.isVisible()], [true, false]);
    await page.emulateMedia({ media: 'screen' });

    const printEntries = auditEvents().filter((event) => event.action === 'print');
    assert.equal(printEntries.length, 2);
    for (const [index, entry] of printEntries.entries()) {
      assert.equal(entry.outcome, 'success');
      assert.ok(entry.patientId, 'the print names the patient');
      assert.ok(entry.occurredAt <= prints[index]!.at, 'recorded before the page printed');
    }
  });

  it('Export FHIR downloads patient-<id>.json, a FHIR R4 bundle of this chart, and records the export first', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export FHIR' }).click();
    const file = await download;
    const exportEntries = auditEvents().filter((event) => event.action === 'export');
    assert.equal(exportEntries.length, 1);
    assert.equal(file.suggestedFilename(), `patient-${exportEntries[0]!.patientId}.json`);

    const bundle = JSON.parse(await readFile((await file.path())!, 'utf8')) as unknown;
    const mapping = mapFhirBundle(bundle);
    assert.ok(mapping.ok);
    assert.deepEqual([mapping.patients[0]!.patient.givenName, mapping.patients[0]!.patient.familyName], [patient.givenName, patient.familyName]);
    assert.equal(mapping.patients[0]!.allergies.length, 1);
    assert.equal(exportEntries[0]!.detail.format, 'fhir-r4');
    await page.getByRole('status').filter({ hasText: /Exported patient-.*\.json/ }).waitFor();
    for (const line of consoleLines) assert.ok(!line.includes(patient.familyName), 'a patient name reached the browser console');
  });
});
