/**
 * The canary test: patients with names and identifiers no real person has are imported, registered, edited,
 * charted, synced, searched for and sent in broken requests through the real parts — a sync server (PGlite)
 * behind a recording proxy, two browser-mode workstations with their SQLCipher files, the app in Chromium.
 * Then every file they wrote (logs above all), every error answer a client got and every URL the app requested
 * is searched for the canaries. One hit fails the test and names where it was, with the canaries masked.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION, uuidv7 } from '@eonpro/core';
import { startSyncServer, type RunningSyncServer } from '@eonpro/sync-server';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { Browser } from 'playwright-core';
import { prepareDataFolder } from '../../src/host/dataFolder.ts';
import type { HostRouter } from '../../src/host/index.ts';
import { LocalStore } from '../../src/host/local/localStore.ts';
import { writeLocalChange } from '../../src/host/local/writeLocalChange.ts';
import { LAUNCH_TOKEN_HEADER, startBrowserMode, type BrowserMode } from '../../src/web/browserMode.ts';
import { launchChromium, recordConsole } from '../e2e/support/chromium.ts';
import { buildRenderer } from '../e2e/support/renderer.ts';
import { AdminConsole, serverAppCode } from '../host/support/adminConsole.ts';
import { fixedKeyProvider } from '../host/support/testStore.ts';
import { readAllFiles } from '../host/support/noKeyOnDisk.ts';
import { canaryBundle } from './support/canaryBundle.ts';
import {
  canaryNeedles,
  describeHits,
  edits,
  findCanaries,
  imported,
  maskCanaries,
  registered,
  secrets,
  serverImported,
  typedInBrowser,
  type CanaryHit,
} from './support/canaries.ts';
import { finishSecondStep, TestAuthenticator } from '../host/support/testAuthenticator.ts';
import { errorAnswers, recordingFetch, startRecordingProxy, type Exchange, type RecordingProxy } from './support/recordingProxy.ts';

const ADMIN = { clinicName: 'Canary Clinic', adminName: 'Dana Admin', email: 'dana@canary.test', password: secrets.adminPassword };
const needles = canaryNeedles();

type HostClient = ReturnType<typeof createTRPCClient<HostRouter>>;

/** Everyone's authenticator app; the server reads its clock. */
const authenticator = new TestAuthenticator();

/** The host's second-step procedures through a workstation's HTTP client. */
const secondStepOf = (client: HostClient) => ({
  completeMfa: client.session.completeMfa.mutate,
  beginMfaEnrolment: () => client.session.beginMfaEnrolment.mutate(),
  confirmMfaEnrolment: client.session.confirmMfaEnrolment.mutate,
});

interface Workstation {
  dir: string;
  key: Buffer;
  app: BrowserMode;
  client: HostClient;
  launchToken: string;
}

/** What the flow saw, for the checks below. */
const seen = {
  /** Requests the app made: workstations to the server (through the proxy), the test's clients and Chromium to the workstations. */
  appExchanges: [] as Exchange[],
  /** Broken requests sent on purpose (their URLs hold canaries by design; only their answers are checked). */
  brokenRequests: [] as Exchange[],
  browserUrls: [] as string[],
  consoleLines: [] as string[],
  /** Messages and data of errors the tRPC clients raised. */
  clientErrors: [] as string[],
  foundByName: [] as string[],
  rejectedCodes: [] as string[],
};

async function expectError(call: Promise<unknown>): Promise<TRPCClientError<HostRouter>> {
  const error = await call.then(
    () => assert.fail('the call was meant to fail'),
    (failure: unknown) => failure,
  );
  assert.ok(error instanceof TRPCClientError, String(error));
  seen.clientErrors.push(`${error.message} ${JSON.stringify(error.data)}`);
  return error as TRPCClientError<HostRouter>;
}

/** A request sent by hand, recorded with its answer. */
async function sendBroken(url: string, init: RequestInit = {}): Promise<Exchange> {
  const response = await fetch(url, init);
  const exchange = { method: init.method ?? 'GET', url, status: response.status, body: await response.text() };
  seen.brokenRequests.push(exchange);
  return exchange;
}

describe('canary patients leave no trace in logs, errors or URLs', () => {
  let root: string;
  let server: RunningSyncServer;
  let proxy: RecordingProxy;
  let a: Workstation;
  let b: Workstation;
  let browser: Browser | undefined;
  const restoreConsole: Array<() => void> = [];

  async function startWorkstation(name: string, rendererDir: string): Promise<Workstation> {
    const dir = join(root, name);
    const key = randomBytes(32);
    const app = await startBrowserMode({ dataDir: dir, serverUrl: proxy.url, port: 0, rendererDir, keyProvider: fixedKeyProvider(key), syncIntervalMs: 60 * 60_000 });
    const launchToken = new URL(app.url).hash.replace('#token=', '');
    const client = createTRPCClient<HostRouter>({
      links: [
        httpBatchLink({
          url: `http://127.0.0.1:${app.port}/trpc`,
          methodOverride: 'POST',
          headers: { [LAUNCH_TOKEN_HEADER]: launchToken },
          fetch: recordingFetch(seen.appExchanges),
        }),
      ],
    });
    return { dir, key, app, client, launchToken };
  }

  /** Everything the console gets while the flow runs is kept (and still printed). */
  function teeConsole(): void {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[method];
      console[method] = (...args: unknown[]) => {
        seen.consoleLines.push(args.map(String).join(' '));
        original.apply(console, args);
      };
      restoreConsole.push(() => (console[method] = original));
    }
  }

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'eonpro-canary-'));
    const rendererDir = join(root, 'renderer');
    await buildRenderer(rendererDir);
    teeConsole();
    server = await startSyncServer({ port: 0, metricsPort: 0, database: { kind: 'pglite' }, logLevel: 'debug', logFile: join(root, 'server', 'sync-server.log'), now: authenticator.now });
    proxy = await startRecordingProxy(server.url);
    a = await startWorkstation('workstation-a', rendererDir);
    b = await startWorkstation('workstation-b', rendererDir);

    // Workstation A: set up the clinic, import a Synthea bundle, register, edit and chart a patient, sync.
    await finishSecondStep(secondStepOf(a.client), authenticator, ADMIN.email, await a.client.session.setupClinic.mutate(ADMIN));
    const bundle = canaryBundle('Edward_Gulgowski_43481611-2459-44f5-ab20-4b142dac160f.json', imported);
    const summary = await a.client.imports.bundle.mutate(bundle);
    assert.equal(summary.patientsImported, 1, 'the canary bundle imports');
    const { id: patientId } = await a.client.patients.register.mutate({
      mrn: registered.mrn,
      givenName: registered.given,
      familyName: registered.family,
      birthDate: registered.birthDate,
      sex: 'female',
      phone: registered.phone,
      email: registered.email,
      addressLine: registered.addressLine,
      city: registered.city,
    });
    const chart = await a.client.chart.summary.query({ patientId });
    await a.client.patients.update.mutate({ id: patientId, baseRev: chart.patient.rev, changes: { phone: edits.phone, addressLine: edits.addressLine } });
    await a.client.allergies.record.mutate({
      patientId,
      substance: 'Penicillin',
      status: 'active',
      recordedDate: '2024-03-02',
      reaction: `Hives; ${registered.given} ${registered.family} says it started at ${edits.addressLine}`,
    });
    await a.client.conditions.record.mutate({ patientId, display: `Asthma, per ${registered.family} family`, clinicalStatus: 'active', recordedDate: '2024-03-02' });
    // A change the server refuses (an allergy of a patient it has never seen), carrying canaries in its free text,
    // planted through the host's own write path as an entry lost from an older app version would be.
    // Made by the signed-in admin: a change credited to someone the clinic does not know is refused for that alone.
    const plantedBy = (await a.client.session.status.query()).user!.id;
    const planted = LocalStore.open(prepareDataFolder(a.dir).databasePath, Buffer.from(a.key));
    writeLocalChange(planted, { userId: plantedBy }, {
      entity: 'allergy',
      recordId: uuidv7(),
      op: 'create',
      fields: {
        patientId: uuidv7(), substance: `Sulfa (${imported.given})`, code: null, codeSystem: null, category: null, criticality: null,
        reaction: `${imported.given} ${imported.family}, ${imported.phone}`, status: 'active', recordedDate: '2024-07-01', amendsId: null, sourceId: null,
      },
      baseRev: null,
    });
    planted.close();
    const statusA = await a.client.sync.now.mutate();
    seen.rejectedCodes.push(...statusA.rejected.map((rejected) => rejected.code));
    seen.clientErrors.push(JSON.stringify(statusA.rejected), JSON.stringify(statusA.lastError));

    // Straight into the server, as `npm run import` does, with an admin token of its own: from a device of its own,
    // which registers, is approved on workstation A, and then signs in.
    const importer = new AdminConsole(server.url);
    await importer.signIn(ADMIN, authenticator).catch(async (error: unknown) => {
      if (serverAppCode(error) !== 'DEVICE_PENDING') throw error;
      await a.client.workstations.approve.mutate({ deviceId: importer.deviceId });
      await importer.signIn(ADMIN, authenticator);
    });
    const accessToken = importer.token();
    const asAdmin = { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` };
    const serverImport = await fetch(`${server.url}/trpc/import.bundle`, {
      method: 'POST',
      headers: asAdmin,
      body: JSON.stringify(canaryBundle('Louis_Maggio_2e275d4b-855a-4eb2-9021-5410aa8acd4f.json', serverImported)),
    });
    assert.equal(serverImport.status, 200, 'the server imports the second canary bundle');

    // Workstation B: sign in, pull everything, find the canaries by name, birth date and MRN.
    // B is a new workstation: it registers and waits, A's administrator approves it, then the admin signs in on it.
    await b.client.session.signIn.mutate({ email: ADMIN.email, password: ADMIN.password }).catch(async (error: unknown) => {
      if (serverAppCode(error) !== 'DEVICE_PENDING') throw error;
      await a.client.workstations.approve.mutate({ deviceId: (await b.client.session.status.query()).deviceId! });
    });
    await finishSecondStep(secondStepOf(b.client), authenticator, ADMIN.email, await b.client.session.signIn.mutate({ email: ADMIN.email, password: ADMIN.password }));
    await b.client.sync.now.mutate();
    for (const query of [imported.family, `${imported.given} ${imported.family}`, `${registered.given.slice(0, -1)} ${registered.family}`, serverImported.family, imported.birthDate, registered.mrn]) {
      const { results } = await b.client.patients.search.query({ query });
      seen.foundByName.push(...results.map((result) => result.familyName));
    }

    // Errors on purpose. On the workstations: invalid input carrying canaries, a wrong password, an unknown
    // procedure, broken JSON, a missing launch token.
    await expectError(a.client.patients.register.mutate({ givenName: imported.given, familyName: imported.family, birthDate: '2999-01-01', sex: 'female', email: `${imported.given}@@` }));
    await expectError(a.client.patients.update.mutate({ id: patientId, baseRev: chart.patient.rev, changes: { birthDate: `${registered.birthDate}x`, phone: registered.phone } }));
    await b.client.session.signOut.mutate();
    await expectError(b.client.session.signIn.mutate({ email: imported.email, password: secrets.wrongPassword }));
    await expectError(b.client.session.signIn.mutate({ email: ADMIN.email, password: secrets.wrongPassword }));
    const toHost = (app: Workstation, path: string, body: string, token = app.launchToken) =>
      sendBroken(`http://127.0.0.1:${app.app.port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', [LAUNCH_TOKEN_HEADER]: token }, body });
    await toHost(a, `/trpc/patients.${imported.family}`, JSON.stringify({ query: imported.given }));
    await toHost(a, '/trpc/patients.register', `${imported.given} ${imported.family} {`);
    await toHost(a, '/trpc/patients.search', JSON.stringify({ query: imported.family }), 'not-the-launch-token');
    await sendBroken(`http://127.0.0.1:${a.app.port}/${imported.given}/${imported.family}.json`);

    // On the server: a rejected mutation, invalid input, wrong credentials, unknown routes, broken JSON.
    const device = uuidv7();
    const rejectedPush = await sendBroken(`${server.url}/trpc/sync.push`, {
      method: 'POST',
      headers: asAdmin,
      body: JSON.stringify({
        protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SYNC_SCHEMA_VERSION, deviceId: device,
        mutations: [{
          mutationId: uuidv7(), deviceId: device, seq: 1, entity: 'patient', recordId: uuidv7(), op: 'create',
          fields: { mrn: imported.mrn, givenName: imported.given, familyName: imported.family, birthDate: imported.birthDate, sex: imported.family },
          fieldRevs: {}, baseRev: null, madeAt: new Date().toISOString(),
        }],
      }),
    });
    const pushAnswer = JSON.parse(rejectedPush.body) as { result: { data: { results: Array<{ status: string }> } } };
    assert.deepEqual(pushAnswer.result.data.results.map((result) => result.status), ['rejected'], 'the server rejects the mutation');
    for (const body of [
      { email: imported.email, password: secrets.wrongPassword, deviceId: uuidv7(), deviceName: `${imported.family} laptop` },
      { email: ADMIN.email, password: secrets.wrongPassword, deviceId: uuidv7(), deviceName: `${registered.given}'s desk` },
      { email: `${imported.given}@`, password: '', deviceId: imported.ssn, deviceName: imported.phone },
    ]) {
      await sendBroken(`${server.url}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    }
    await sendBroken(`${server.url}/trpc/setup.createClinic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clinicName: `${imported.family} Clinic`, adminName: `${imported.given} ${imported.family}`, email: imported.email, password: 'short' }),
    });
    // A neutral file name: the summary names the file it describes, as the person who chose it expects.
    const { bundle: invalidBundle } = canaryBundle('Trey_Berge_99153850-84f1-4de6-9e19-3e0d6eeedeb2.json', { ...serverImported, birthDate: serverImported.family });
    const refusedImport = await sendBroken(`${server.url}/trpc/import.bundle`, { method: 'POST', headers: asAdmin, body: JSON.stringify({ fileName: 'bundle.json', bundle: invalidBundle }) });
    const importAnswer = JSON.parse(refusedImport.body) as { result: { data: { ok: boolean; issues: unknown[] } } };
    assert.equal(importAnswer.result.data.ok, false, 'the server refuses the invalid bundle');
    assert.ok(importAnswer.result.data.issues.length > 0);
    await sendBroken(`${server.url}/${imported.given}/${imported.family}?ssn=${imported.ssn}`);
    await sendBroken(`${server.url}/trpc/patients.${imported.family}`, { method: 'POST', headers: asAdmin, body: JSON.stringify({ name: imported.given }) });
    await sendBroken(`${server.url}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"email":"${imported.email}","password":"${secrets.wrongPassword}` });
    await sendBroken(`${server.url}/trpc/sync.pull?input=${encodeURIComponent(`{"cursor":"${imported.given}"}`)}`, { headers: asAdmin });

    // The app in Chromium on workstation A: find a canary by name, open the chart, register one more.
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageConsole = recordConsole(page);
    page.on('request', (request) => seen.browserUrls.push(request.url()));
    page.on('response', async (response) => {
      if (!new URL(response.url()).pathname.startsWith('/trpc')) return;
      const body = await response.text().catch(() => '');
      seen.appExchanges.push({ method: response.request().method(), url: new URL(response.url()).pathname, status: response.status(), body });
    });
    await page.goto(a.app.url);
    await page.getByRole('heading', { name: 'Find patient' }).waitFor();
    const search = page.getByRole('combobox', { name: 'Search patients' });
    await search.fill(`${imported.given} ${imported.family}`);
    await page.getByRole('option', { name: new RegExp(`${imported.family}, ${imported.given}`) }).waitFor();
    await search.press('ArrowDown');
    await search.press('Enter');
    await page.getByRole('article', { name: 'Patient chart' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Register patient' }).click();
    await page.getByLabel('Given name').fill(typedInBrowser.given);
    await page.getByLabel('Family name').fill(typedInBrowser.family);
    await page.getByLabel('Date of birth').fill(typedInBrowser.birthDate);
    await page.getByLabel('Sex').selectOption('male');
    await page.getByLabel('Given name').press('Enter');
    await page.getByRole('article', { name: 'Patient chart' }).getByRole('heading', { level: 1, name: `${typedInBrowser.family}, ${typedInBrowser.given}` }).waitFor();
    await page.close();
    seen.consoleLines.push(...pageConsole);

    // Everything stops, so every log line is on disk.
    await browser.close();
    browser = undefined;
    await a.app.close();
    await b.app.close();
    await proxy.close();
    await server.close();
    for (const restore of restoreConsole.splice(0)) restore();
    seen.appExchanges.push(...proxy.exchanges);
  });

  after(async () => {
    for (const restore of restoreConsole.splice(0)) restore();
    await browser?.close();
    await a?.app.close();
    await b?.app.close();
    await proxy?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  function assertNoHits(hits: CanaryHit[]): void {
    assert.equal(hits.length, 0, describeHits(hits));
  }

  it('ran the flow it claims: canaries synced, found by name, rejected and refused', () => {
    for (const family of [imported.family, registered.family, serverImported.family]) assert.ok(seen.foundByName.includes(family), 'workstation B found a canary');
    assert.deepEqual(seen.rejectedCodes, ['NOT_FOUND'], 'the planted change was rejected');
    // A push and an import are answered per item: their refusals are in the answer, checked below like any error.
    const answeredPerItem = ['/trpc/sync.push', '/trpc/import.bundle'];
    const accepted = seen.brokenRequests.filter((exchange) => exchange.status < 400 && !answeredPerItem.some((path) => exchange.url.endsWith(path)));
    assert.deepEqual(accepted.map((exchange) => `${exchange.method} ${maskCanaries(exchange.url.toLowerCase(), needles)} ${exchange.status}`), [], 'every broken request was refused');
    assert.ok(seen.clientErrors.length >= 4 && seen.browserUrls.length > 0);
    assert.ok(proxy.exchanges.some((exchange) => exchange.url.startsWith('/trpc/sync.push')), 'the workstations pushed through the proxy');
  });

  it('leaves no canary in any file the server or the workstations wrote: logs, data folders, databases', () => {
    const files = readAllFiles(root).filter(({ path }) => !path.startsWith(join(root, 'renderer')));
    const logs = files.filter(({ path }) => path.endsWith('.log'));
    assert.deepEqual(logs.map(({ path }) => path.slice(root.length + 1)).sort(), ['server/sync-server.log', 'workstation-a/logs/host.log', 'workstation-b/logs/host.log']);
    for (const { bytes } of logs) assert.ok(bytes.length > 1000, 'the logs recorded the flow');
    assertNoHits(files.flatMap(({ path, bytes }) => findCanaries(path.slice(root.length + 1), bytes.toString('latin1'), needles)));
  });

  it('returns no canary in any error message or error JSON, whoever asked', () => {
    // Broken requests are checked whole: their answers are refusals through and through.
    const answers = [...errorAnswers(seen.appExchanges), ...seen.brokenRequests];
    assert.ok(answers.length >= 18, `the broken requests and the workstations' errors were answered (${answers.length})`);
    assertNoHits([
      ...answers.map((answer) => findCanaries(`error answer to ${answer.method} ${answer.url.split('?')[0]!.replace(/\/[^/]*$/, '/…')} (${answer.status})`, answer.body, needles)).flat(),
      ...seen.clientErrors.flatMap((text, index) => findCanaries(`client error #${index + 1}`, text, needles)),
    ]);
  });

  it('puts no canary in any URL the app requested: workstation to server, app to workstation', () => {
    const urls = [...seen.appExchanges.map((exchange) => exchange.url), ...seen.browserUrls];
    assert.ok(urls.some((url) => url.includes('sync.pull')) && urls.some((url) => url.includes('patients.search')));
    assertNoHits(urls.flatMap((url, index) => findCanaries(`URL #${index + 1}`, decodeURIComponent(url), needles)));
  });

  it('prints no canary to the browser console or the process console', () => {
    assertNoHits(seen.consoleLines.flatMap((line, index) => findCanaries(`console line #${index + 1}`, line, needles)));
  });
});
