/**
 * The walking skeleton end to end, in real Chromium: one sync server (PGlite on disk), two browser-mode
 * workstations with their own encrypted databases. A imports every Synthea bundle, charts while the server is
 * down and catches up by itself when it is back; B signs in and finds everything A did. No patient name reaches
 * a browser console or a log file.
 */
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { mapFhirBundle } from '@eonpro/core';
import { startSyncServer, type RunningSyncServer } from '@eonpro/sync-server';
import { startBrowserMode, type BrowserMode } from '../../src/web/launch.ts';
import { patientNames, readSyntheaBundles, SYNTHEA_DIR, type FixtureBundle } from '../host/support/synthea.ts';
import { fixedKeyProvider } from '../host/support/testStore.ts';
import { launchChromium, recordConsole } from './support/chromium.ts';
import { freePort } from './support/freePort.ts';
import { namesInText } from './support/namesInText.ts';
import { buildRenderer } from './support/renderer.ts';
import { setUpClinic, signIn } from './support/session.ts';
import { TestAuthenticator } from '../host/support/testAuthenticator.ts';
import { pendingCount, waitForSyncStatus } from './support/syncStatus.ts';

const admin = { clinic: 'Riverbend Family Clinic', name: 'Dana Admin', email: 'dana@riverbend.test', password: 'a-long-admin-password-1' };
const bundles = readSyntheaBundles();
/** Each bundle's patient as the app names it. */
const importedPatients = bundles.flatMap(({ bundle }) => {
  const mapped = mapFhirBundle(bundle);
  if (!mapped.ok) throw new Error('A Synthea fixture no longer maps');
  return mapped.patients.map((p) => p.patient);
});
/** The imported patient charted offline, found by a misspelt search. */
const chartedPatient = importedPatients.find((p) => p.familyName === 'Gulgowski')!;
const charted = { heading: `${chartedPatient.familyName}, ${chartedPatient.givenName}`, typo: 'Edwrad Gulgowsky', oldPhone: chartedPatient.phone! };
const offlineEntries = { allergy: 'Cashew nut', problem: 'Seasonal allergic rhinitis', phone: '555-0199' };
const offlinePatient = { given: 'Oswin', family: 'Hollowbrook', birthDate: '1966-08-14', sex: 'male' };
const SYNCED = /Up to date.*No changes waiting.*Last synced: just now/;
const IMPORT_TIMEOUT_MS = 120_000;

/** What each file holds, counted from the raw FHIR resources. */
function expectedSummaryRow({ fileName, bundle }: FixtureBundle): string[] {
  const count = (type: string) => (bundle as { entry: { resource: { resourceType: string } }[] }).entry.filter((e) => e.resource.resourceType === type).length;
  const medications = count('MedicationRequest') + count('MedicationStatement');
  return [fileName, 'Imported', String(count('Patient')), '0', String(count('AllergyIntolerance')), String(count('Condition')), String(medications)];
}

/** Runs one step as a subtest; a failed step ends the scenario, since every later step builds on it. */
async function step(t: TestContext, name: string, run: () => Promise<void>): Promise<void> {
  let passed = false;
  await t.test(name, async () => {
    await run();
    passed = true;
  });
  if (!passed) throw new Error(`Scenario stopped: the step "${name}" failed`);
}

describe('offline charting on one workstation reaches another through the sync server', () => {
  let dir: string;
  let serverPort: number;
  let server: RunningSyncServer | null = null;
  /** The administrator's authenticator app; the server reads its clock. */
  const authenticator = new TestAuthenticator();
  let workstationA: BrowserMode | undefined;
  let workstationB: BrowserMode | undefined;
  let browser: Browser | undefined;
  const consoleLines: string[][] = [];

  const startServer = () =>
    startSyncServer({ port: serverPort, metricsPort: 0, database: { kind: 'pglite', dataDir: join(dir, 'server-db') }, logLevel: 'info', logFile: join(dir, 'server.log'), now: authenticator.now });

  const stopServer = async () => {
    const running = server;
    server = null;
    await running?.close();
  };

  /** A tab of its own (own storage) on a workstation's launch link, its console recorded. */
  async function openWorkstation(workstation: BrowserMode): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    consoleLines.push(recordConsole(page));
    await page.goto(workstation.url);
    return page;
  }

  async function findPatient(page: Page, query: string, optionName: RegExp) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Find patient' }).click();
    await page.getByRole('combobox', { name: 'Search patients' }).fill(query);
    const option = page.getByRole('option', { name: optionName });
    await option.waitFor();
    return option;
  }

  async function openChart(page: Page, query: string, heading: string) {
    await (await findPatient(page, query, new RegExp(heading))).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    return page.getByRole('article', { name: 'Patient chart' });
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eonpro-offline-sync-e2e-'));
    const rendererDir = join(dir, 'renderer');
    await buildRenderer(rendererDir);
    serverPort = await freePort();
    server = await startServer();
    const workstation = (name: string) =>
      startBrowserMode({
        dataDir: join(dir, name),
        serverUrl: server!.url,
        rendererDir,
        keyProvider: fixedKeyProvider(randomBytes(32)),
        syncIntervalMs: 1_000,
      });
    workstationA = await workstation('workstation-a');
    workstationB = await workstation('workstation-b');
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await workstationB?.close();
    await workstationA?.close();
    await stopServer();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('A imports, charts offline and catches up by itself; B signs in and finds all of it', { timeout: 300_000 }, async (t) => {
    let pageA!: Page;
    let pageB!: Page;
    const seenOnA = { allergies: '', problems: '', offlinePatientMrn: '' };

    await step(t, 'on A, the admin sets up the clinic and imports all Synthea bundles, which then sync', async () => {
      pageA = await openWorkstation(workstationA!);
      await setUpClinic(pageA, admin, authenticator);
      await pageA.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import FHIR' }).click();
      await pageA.getByLabel('FHIR bundle files').setInputFiles(bundles.map((b) => join(SYNTHEA_DIR, b.fileName)));
      await pageA.getByRole('button', { name: `Import ${bundles.length} files` }).click();
      const finished = pageA.getByRole('progressbar', { name: 'Import finished' });
      await finished.waitFor({ timeout: IMPORT_TIMEOUT_MS });
      assert.equal(await finished.getAttribute('aria-valuenow'), String(bundles.length));
      const totals = pageA.getByRole('status').filter({ hasText: 'Patients imported' });
      assert.match(await totals.innerText(), new RegExp(`Patients imported: ${importedPatients.length} · already present: 0`));

      const rows = pageA.getByRole('table', { name: 'Import results by file' }).getByRole('row');
      assert.equal(await rows.count(), bundles.length + 1, 'a header row and one row per file');
      const shown = new Map<string, string[]>();
      for (let index = 1; index <= bundles.length; index++) {
        const cells = (await rows.nth(index).getByRole('cell').allInnerTexts()).map((text) => text.trim());
        shown.set(cells[0]!, cells);
      }
      for (const bundle of bundles) assert.deepEqual(shown.get(bundle.fileName), expectedSummaryRow(bundle));

      // A status read after the import ended, so "No changes waiting" cannot be one from before its last file.
      await pageA.waitForResponse((response) => response.url().includes('sync.status'));
      await waitForSyncStatus(pageA, SYNCED, 60_000);
    });

    await step(t, 'with the server stopped, A charts offline and shows its changes waiting', async () => {
      await stopServer();
      await waitForSyncStatus(pageA, /Offline — work is kept on this workstation/);

      const chart = await openChart(pageA, charted.typo, charted.heading);
      assert.match(await chart.innerText(), /No allergies recorded/);

      await chart.getByRole('button', { name: 'Record allergy' }).click();
      await pageA.getByLabel('Substance').fill(offlineEntries.allergy);
      await pageA.getByLabel('Category').selectOption('food');
      await pageA.getByLabel('Criticality').selectOption('high');
      await pageA.getByLabel('Reaction').fill('Anaphylaxis');
      await pageA.getByLabel('Reaction').press('Enter');
      const allergies = chart.getByRole('list', { name: 'Allergies' });
      await allergies.getByText(offlineEntries.allergy).waitFor();

      await chart.getByRole('button', { name: 'Record problem' }).click();
      await pageA.getByLabel('Problem', { exact: true }).fill(offlineEntries.problem);
      await pageA.getByLabel('Onset date').fill('2019-04-01');
      await pageA.getByLabel('Onset date').press('Enter');
      const problems = chart.getByRole('list', { name: 'Problems' });
      await problems.getByText(offlineEntries.problem).waitFor();
      seenOnA.allergies = await allergies.innerText();
      seenOnA.problems = await problems.innerText();
      assert.match(seenOnA.allergies, /Cashew nut\s*High criticality/);
      assert.match(seenOnA.problems, /Seasonal allergic rhinitis\s*Active\s*Onset 1 Apr 2019/);

      await chart.getByRole('button', { name: 'Edit demographics' }).click();
      await pageA.getByLabel('Phone').fill(offlineEntries.phone);
      await pageA.getByLabel('Phone').press('Enter');
      await chart.getByText(offlineEntries.phone).waitFor();
      assert.doesNotMatch(await chart.innerText(), new RegExp(charted.oldPhone));

      await pageA.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Register patient' }).click();
      await pageA.getByLabel('Given name').fill(offlinePatient.given);
      await pageA.getByLabel('Family name').fill(offlinePatient.family);
      await pageA.getByLabel('Date of birth').fill(offlinePatient.birthDate);
      await pageA.getByLabel('Sex').selectOption(offlinePatient.sex);
      await pageA.getByLabel('Given name').press('Enter');
      await pageA.getByRole('heading', { level: 1, name: `${offlinePatient.family}, ${offlinePatient.given}` }).waitFor();
      const mrn = /MRN\s+(\S+)/.exec(await chart.innerText());
      assert.ok(mrn, 'the new chart shows its MRN');
      seenOnA.offlinePatientMrn = mrn[1]!;

      const status = await waitForSyncStatus(pageA, /Offline — work is kept on this workstation.*\d+ changes? waiting/);
      assert.ok(pendingCount(status) > 0, `changes made offline wait to sync: ${status}`);
    });

    await step(t, 'when the server is back on the same address, A syncs by itself', async () => {
      server = await startServer();
      // Nobody presses Sync now: the workstation's own retry brings the waiting changes to the server.
      await waitForSyncStatus(pageA, SYNCED);
      assert.equal(await pageA.getByRole('region', { name: 'Changes the server refused' }).count(), 0);
    });

    await step(t, 'on B, the admin signs in, B pulls everything, and the offline chart and patient are there', async () => {
      pageB = await openWorkstation(workstationB!);
      await signIn(pageB, admin, { approvedFrom: pageA, authenticator });
      assert.match(await pageB.getByRole('banner').innerText(), /Riverbend Family Clinic/);
      await waitForSyncStatus(pageB, SYNCED, 60_000);

      for (const { givenName, familyName } of importedPatients) await findPatient(pageB, familyName, new RegExp(`${familyName}, ${givenName}`));

      const chart = await openChart(pageB, charted.typo, charted.heading);
      assert.equal(await chart.getByRole('list', { name: 'Allergies' }).innerText(), seenOnA.allergies);
      assert.equal(await chart.getByRole('list', { name: 'Problems' }).innerText(), seenOnA.problems);
      const chartText = await chart.innerText();
      assert.match(chartText, new RegExp(offlineEntries.phone));
      assert.doesNotMatch(chartText, new RegExp(charted.oldPhone));

      const registered = await openChart(pageB, `${offlinePatient.given} ${offlinePatient.family}`, `${offlinePatient.family}, ${offlinePatient.given}`);
      assert.match(await registered.innerText(), new RegExp(`MRN\\s+${seenOnA.offlinePatientMrn}`));
      assert.match(await registered.innerText(), /14 Aug 1966/);
    });

    await step(t, 'no patient name reached a browser console, the server log or either workstation log', async () => {
      const names = [
        ...new Set([...patientNames(bundles).flatMap(({ given, family }) => [given, family]), offlinePatient.given, offlinePatient.family, ...charted.typo.split(' ')]),
      ];
      const sources = [
        { what: 'the server log', text: await readFile(join(dir, 'server.log'), 'utf8') },
        { what: "workstation A's log", text: await readFile(join(dir, 'workstation-a', 'logs', 'host.log'), 'utf8') },
        { what: "workstation B's log", text: await readFile(join(dir, 'workstation-b', 'logs', 'host.log'), 'utf8') },
        ...consoleLines.map((lines, index) => ({ what: `browser console of page ${index + 1}`, text: lines.join('\n') })),
      ];
      for (const { what, text } of sources.slice(0, 3)) assert.match(text, /"msg"/, `${what} has entries to check`);
      for (const { what, text } of sources) assert.deepEqual(namesInText(text, names), [], `patient names in ${what}`);
    });
  });
});
