/**
 * The canary test: patients with names and identifiers no real person has are imported, registered, edited,
 * charted, synced, searched for and sent in broken requests through the real parts — a sync server (PGlite)
 * behind a recording proxy, two browser-mode workstations with their SQLCipher files, the app in Chromium.
 * Secrets go the same way: SSNs and licences (shown, edited on both workstations, typed wrong), a break-glass
 * reason, passwords online and offline, two-step set-up and sign-in with right and wrong codes; the tokens, codes
 * and keys handed out are collected as the flow runs. Then every file they wrote (logs above all), every error
 * answer a client got, every URL the app requested and both consoles are searched for all of them, and the
 * server's database for any sealed value or secret in the clear. One hit fails the test and names where it was,
 * with the canaries masked.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { maskSsn, SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION, uuidv7 } from '@eonpro/core';
import { startSyncServer, type RunningSyncServer } from '@eonpro/sync-server';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { Browser } from 'playwright-core';
import { prepareDataFolder } from '../../src/host/dataFolder.ts';
import type { HostRouter } from '../../src/host/index.ts';
import { LocalStore } from '../../src/host/local/localStore.ts';
import { writeLocalChange } from '../../src/host/local/writeLocalChange.ts';
import { LAUNCH_TOKEN_HEADER, startBrowserMode, type BrowserMode } from '../../src/web/browserMode.ts';
import { launchChromium, recordConsole } from '../e2e/support/chromium.ts';
import { setUpTwoStepSignIn } from '../e2e/support/session.ts';
import { buildRenderer } from '../e2e/support/renderer.ts';
import { AdminConsole, serverAppCode } from '../host/support/adminConsole.ts';
import { fixedKeyProvider } from '../host/support/testStore.ts';
import { readAllFiles } from '../host/support/noKeyOnDisk.ts';
import { canaryBundle } from './support/canaryBundle.ts';
import {
  breakGlass,
  canaryNeedles,
  describeHits,
  edits,
  findCanaries,
  identified,
  imported,
  invalidIdentifiers,
  maskCanaries,
  moreSsns,
  registered,
  sealedNeedles,
  secrets,
  serverImported,
  typedInBrowser,
  type CanaryHit,
  type Needle,
} from './support/canaries.ts';
import { finishSecondStep } from '../host/support/testAuthenticator.ts';
import { IssuedSecrets } from './support/issuedSecrets.ts';
import { RecordingAuthenticator } from './support/recordingAuthenticator.ts';
import { errorAnswers, recordingFetch, startRecordingProxy, type Exchange, type RecordingProxy } from './support/recordingProxy.ts';
import { readServerTextCells, type TextCell } from './support/serverDatabase.ts';

const ADMIN = { clinicName: 'Canary Clinic', adminName: 'Dana Admin', email: 'dana@canary.test', password: secrets.adminPassword };
/** Signs in for the first time in Chromium, where the page sets up their authenticator. */
const PRESCRIBER = { name: 'Pim Prescriber', email: 'pim@canary.test', role: 'prescriber', password: secrets.prescriberPassword } as const;
/** Secrets the flow is handed (TOTP secrets, codes, tokens, keys), collected as it runs and once it has stopped. */
const issued = new IssuedSecrets();
/** The canaries and, once the flow has run, every issued secret. */
let needles: Needle[] = canaryNeedles();

type HostClient = ReturnType<typeof createTRPCClient<HostRouter>>;

/** Everyone's authenticator app; the server reads its clock. */
const authenticator = new RecordingAuthenticator(issued);
/** The administrator's recovery codes, as the enrolment showed them. */
const recoveryCodes: string[] = [];

/** The host's second-step procedures through a workstation's HTTP client. */
const secondStepOf = (client: HostClient) => ({
  completeMfa: client.session.completeMfa.mutate,
  beginMfaEnrolment: () => client.session.beginMfaEnrolment.mutate(),
  confirmMfaEnrolment: async (input: { code: string }) => {
    const enrolled = await client.session.confirmMfaEnrolment.mutate(input);
    recoveryCodes.push(...enrolled.recoveryCodes);
    return enrolled;
  },
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
  /** What each "Show" of an SSN or licence answered. */
  revealed: [] as Array<string | null>,
  /** Codes of the errors caused on purpose with the new secrets, in order. */
  refusedCodes: [] as string[],
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

/** Like expectError, keeping the app's error code for the check that the flow ran as claimed. */
async function expectRefusal(call: Promise<unknown>): Promise<void> {
  const error = await expectError(call);
  seen.refusedCodes.push((error.data as { appCode?: string } | undefined)?.appCode ?? error.message);
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
  /** The server's embedded database on disk, read once it has stopped; its master key file beside it. */
  let serverDataDir: string;
  let masterKeyFile: string;
  let serverCells: TextCell[] = [];

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

  /**
   * On workstation A, by the administrator: a patient with an SSN and a licence, restricted; both shown in full once
   * ("Show"); then identifiers typed wrong, whose refusals must not repeat them. Answers the patient's id.
   */
  async function plantIdentifiedPatient(): Promise<string> {
    const { given, family, birthDate, ssn, driversLicense } = identified;
    const { id } = await a.client.patients.register.mutate({ givenName: given, familyName: family, birthDate, sex: 'female', ssn, driversLicense, restricted: true });
    for (const identifier of ['ssn', 'driversLicense'] as const) seen.revealed.push((await a.client.patients.revealIdentifier.mutate({ patientId: id, identifier })).value);
    const { patient } = await a.client.chart.summary.query({ patientId: id });
    assert.equal(patient.ssnMasked, maskSsn(identified.ssn), 'the chart shows the SSN masked');
    await expectRefusal(a.client.patients.register.mutate({ givenName: given, familyName: family, birthDate, sex: 'female', ssn: invalidIdentifiers.ssnNeverIssued }));
    await expectRefusal(a.client.patients.update.mutate({ id, baseRev: patient.rev, changes: { ssn: invalidIdentifiers.ssnMalformed, driversLicense: invalidIdentifiers.driversLicense } }));
    return id;
  }

  /** On workstation B, by the administrator: the restricted patient refused, a reason too short, then a real one. */
  async function openByBreakGlass(patientId: string): Promise<void> {
    await expectRefusal(b.client.chart.summary.query({ patientId }));
    await expectRefusal(b.client.patients.breakGlass.mutate({ patientId, category: 'emergency-care', reason: breakGlass.tooShort }));
    await b.client.patients.breakGlass.mutate({ patientId, category: 'emergency-care', reason: breakGlass.reason });
    const { patient } = await b.client.chart.summary.query({ patientId });
    assert.equal(patient.driversLicenseMasked?.slice(-4), identified.driversLicense.slice(-4), 'the chart shows the licence masked');
    seen.revealed.push((await b.client.patients.revealIdentifier.mutate({ patientId, identifier: 'ssn' })).value);
    // The break-glass entry (its reason sealed on the way) goes to the server with the workstation's audit trail.
    await b.client.sync.now.mutate();
  }

  /** The SSN changed on both workstations from the same version: the server keeps one, a review task holds the other. */
  async function conflictingSsnEdits(patientId: string): Promise<void> {
    const [onA, onB] = await Promise.all([a.client.chart.summary.query({ patientId }), b.client.chart.summary.query({ patientId })]);
    await a.client.patients.update.mutate({ id: patientId, baseRev: onA.patient.rev, changes: { ssn: moreSsns.editedOnA } });
    await b.client.patients.update.mutate({ id: patientId, baseRev: onB.patient.rev, changes: { ssn: moreSsns.editedOnB } });
    await a.client.sync.now.mutate();
    await b.client.sync.now.mutate();
  }

  /** On workstation B: a wrong one-time code and a wrong recovery code, then a recovery code the enrolment gave. */
  async function secondStepErrors(): Promise<void> {
    const status = await b.client.session.signIn.mutate({ email: ADMIN.email, password: ADMIN.password });
    assert.equal(status.state, 'mfa-required');
    await expectRefusal(b.client.session.completeMfa.mutate({ code: await authenticator.wrongCode(ADMIN.email) }));
    await expectRefusal(b.client.session.completeMfa.mutate({ recoveryCode: secrets.wrongRecoveryCode }));
    assert.equal((await b.client.session.completeMfa.mutate({ recoveryCode: recoveryCodes[0]! })).state, 'signed-in', 'a recovery code signs in');
    await b.client.session.signOut.mutate();
  }

  /** On workstation B with the server out of reach: a wrong password offline, a right one, the lock screen likewise. */
  async function offlineErrors(): Promise<void> {
    proxy.setReachable(false);
    await expectRefusal(b.client.session.signIn.mutate({ email: ADMIN.email, password: secrets.wrongOfflinePassword }));
    const offline = await b.client.session.signIn.mutate({ email: ADMIN.email, password: ADMIN.password });
    assert.ok(offline.state === 'signed-in' && offline.signedInOffline, `signed in offline (${offline.state})`);
    await b.client.session.lock.mutate();
    await expectRefusal(b.client.session.unlock.mutate({ password: secrets.wrongOfflinePassword }));
    assert.equal((await b.client.session.unlock.mutate({ password: ADMIN.password })).state, 'signed-in');
    await b.client.session.signOut.mutate();
    proxy.setReachable(true);
  }

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'eonpro-canary-'));
    const rendererDir = join(root, 'renderer');
    await buildRenderer(rendererDir);
    teeConsole();
    serverDataDir = join(root, 'server', 'db');
    masterKeyFile = join(root, 'server', 'server-master-key.json');
    server = await startSyncServer({
      port: 0, metricsPort: 0, database: { kind: 'pglite', dataDir: serverDataDir }, masterKeyFile,
      logLevel: 'debug', logFile: join(root, 'server', 'sync-server.log'), now: authenticator.now,
    });
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
    const identifiedId = await plantIdentifiedPatient();
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
    await openByBreakGlass(identifiedId);
    await conflictingSsnEdits(identifiedId);

    // Errors on purpose. On the workstations: invalid input carrying canaries, a wrong password, an unknown
    // procedure, broken JSON, a missing launch token.
    await expectError(a.client.patients.register.mutate({ givenName: imported.given, familyName: imported.family, birthDate: '2999-01-01', sex: 'female', email: `${imported.given}@@` }));
    await expectError(a.client.patients.update.mutate({ id: patientId, baseRev: chart.patient.rev, changes: { birthDate: `${registered.birthDate}x`, phone: registered.phone } }));
    await b.client.session.signOut.mutate();
    await expectError(b.client.session.signIn.mutate({ email: imported.email, password: secrets.wrongPassword }));
    await expectError(b.client.session.signIn.mutate({ email: ADMIN.email, password: secrets.wrongPassword }));
    await secondStepErrors();
    await offlineErrors();
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
          fields: { mrn: imported.mrn, givenName: imported.given, familyName: imported.family, birthDate: imported.birthDate, sex: imported.family, ssn: moreSsns.inRejectedPush },
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
    for (const secondStep of [{ code: await authenticator.wrongCode(ADMIN.email) }, { recoveryCode: secrets.wrongRecoveryCode }]) {
      const body = JSON.stringify({ challengeToken: randomBytes(32).toString('base64url'), ...secondStep });
      await sendBroken(`${server.url}/trpc/auth.completeMfa`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
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

    // The app in Chromium on workstation A: find a canary by name, open the chart, register one more (an invalid
    // SSN first), show their SSN; then a new prescriber signs in and sets up their authenticator in the page.
    await a.client.adminUsers.create.mutate(PRESCRIBER);
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
    // An SSN that is never issued first: the form says what is wrong next to the field, without repeating it.
    const ssnField = page.getByLabel('SSN', { exact: true });
    await ssnField.fill(invalidIdentifiers.ssnNeverIssued);
    await page.getByLabel('Given name').press('Enter');
    await ssnField.and(page.locator('[aria-invalid="true"]')).waitFor();
    seen.clientErrors.push(`registration form: ${await page.locator('form').innerText()}`);
    await ssnField.fill(typedInBrowser.ssn);
    await page.getByLabel("Driver's licence").fill(typedInBrowser.driversLicense);
    await page.getByLabel('Given name').press('Enter');
    const browserChart = page.getByRole('article', { name: 'Patient chart' });
    await browserChart.getByRole('heading', { level: 1, name: `${typedInBrowser.family}, ${typedInBrowser.given}` }).waitFor();
    await browserChart.getByRole('button', { name: 'Show the full SSN' }).press('Enter');
    await browserChart.getByRole('button', { name: 'Hide the SSN' }).waitFor();
    seen.revealed.push(await browserChart.locator('.identifier-fact__value').first().textContent());
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: /^Sign in/ }).waitFor();
    await page.getByLabel('Email').fill(PRESCRIBER.email);
    await page.getByLabel('Password', { exact: true }).fill(PRESCRIBER.password);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await setUpTwoStepSignIn(page, PRESCRIBER.email, authenticator);
    await page.getByRole('heading', { name: 'Find patient' }).waitFor();
    await page.close();
    seen.consoleLines.push(...pageConsole);
    // The patient registered in the browser reaches the server (its identifiers sealed there).
    await a.client.sync.now.mutate();

    // Everything stops, so every log line is on disk.
    await browser.close();
    browser = undefined;
    await a.app.close();
    await b.app.close();
    await proxy.close();
    await server.close();
    for (const restore of restoreConsole.splice(0)) restore();
    seen.appExchanges.push(...proxy.exchanges);

    // The secrets handed out on the way: in answers, in the workstations' encrypted databases, in the server's key file and database.
    issued.collectFromAnswers(seen.appExchanges);
    issued.add('accessToken', accessToken);
    for (const workstation of [a, b]) {
      const store = LocalStore.open(prepareDataFolder(workstation.dir).databasePath, Buffer.from(workstation.key));
      const row = store.db.prepare('SELECT private_key FROM device_identity WHERE id = 1').get() as { private_key: string };
      store.close();
      issued.add('devicePrivateKey', row.private_key);
    }
    issued.collectMasterKeys(masterKeyFile);
    serverCells = await readServerTextCells(serverDataDir);
    const wrappedKeyColumns = ['tenant_data_keys.wrapped_key', 'signing_keys.wrapped_private_key'];
    for (const cell of serverCells) if (wrappedKeyColumns.includes(`${cell.table}.${cell.column}`)) issued.add('wrappedKey', cell.text);
    needles = [...canaryNeedles(), ...issued.needles()];
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

  it('ran the flow with the new secrets: identifiers shown, break-glass, two-step sign-in and set-up, offline sign-in, keys', () => {
    assert.deepEqual(seen.revealed, [identified.ssn, identified.driversLicense, identified.ssn, typedInBrowser.ssn], 'each "Show" answered the identifier in full');
    assert.deepEqual(
      seen.refusedCodes,
      ['VALIDATION', 'VALIDATION', 'FORBIDDEN', 'VALIDATION', 'UNAUTHORIZED', 'UNAUTHORIZED', 'UNAUTHORIZED', 'UNAUTHORIZED'],
      'invalid SSN and licence, restricted record, short reason, wrong code, wrong recovery code, wrong offline password, wrong unlock password',
    );
    const atLeast = { totpSecret: 2, otpauthUri: 2, recoveryCode: 20, oneTimeCode: 4, challengeToken: 3, accessToken: 3, refreshToken: 3, devicePrivateKey: 2, masterKey: 1, wrappedKey: 2 } as const;
    for (const [kind, least] of Object.entries(atLeast)) assert.ok(issued.count(kind as keyof typeof atLeast) >= least, `${kind}: ${issued.count(kind as keyof typeof atLeast)} collected`);
  });

  it('leaves no canary or secret in any file the server or the workstations wrote: logs, data folders, databases', () => {
    // The server's database holds the records (names in the clear) and the wrapped keys, and the key file the master
    // key, by design: both are searched below for what must never be there.
    const notSearchedHere = [join(root, 'renderer'), serverDataDir, masterKeyFile];
    const files = readAllFiles(root).filter(({ path }) => !notSearchedHere.some((excluded) => path.startsWith(excluded)));
    const logs = files.filter(({ path }) => path.endsWith('.log'));
    assert.deepEqual(logs.map(({ path }) => path.slice(root.length + 1)).sort(), ['server/sync-server.log', 'workstation-a/logs/host.log', 'workstation-b/logs/host.log']);
    for (const { bytes } of logs) assert.ok(bytes.length > 1000, 'the logs recorded the flow');
    assertNoHits(files.flatMap(({ path, bytes }) => findCanaries(path.slice(root.length + 1), bytes.toString('latin1'), needles)));
  });

  it("keeps SSNs, licences and the break-glass reason only sealed in the server's database, and no secret in the clear", () => {
    const sealed = (column: string) => serverCells.filter((cell) => cell.table === 'patients' && cell.column === column);
    assert.ok(sealed('ssn_sealed').length >= 2 && sealed('drivers_license_sealed').length >= 2, 'both patients with identifiers reached the server');
    for (const cell of [...sealed('ssn_sealed'), ...sealed('drivers_license_sealed')]) assert.match(cell.text, /^v1\./);
    assert.ok(serverCells.some((cell) => cell.table === 'review_tasks' && cell.column === 'field' && cell.text === 'ssn'), 'the SSN edited on both workstations opened a review task');
    assert.ok(
      serverCells.some((cell) => cell.table === 'patients' && cell.text === identified.family),
      "the search reads what is kept in the clear (the patient's name), so it would see an identifier kept so",
    );
    // Wrapped keys are at home here; everything else issued, every password and every sealed value is not.
    const neverInTheClear = [
      ...sealedNeedles(),
      ...canaryNeedles().filter(({ label }) => label.startsWith('secrets.') || label.startsWith('invalidIdentifiers.')),
      ...issued.needles().filter(({ label }) => !label.startsWith('issued.wrappedKey')),
    ];
    assertNoHits(serverCells.flatMap((cell) => findCanaries(`server column ${cell.table}.${cell.column}`, cell.text, neverInTheClear)));
    // The database's files as well: write-ahead log, indexes, free space.
    const databaseFiles = readAllFiles(serverDataDir);
    assert.ok(databaseFiles.length > 0);
    assertNoHits(databaseFiles.flatMap(({ path, bytes }) => findCanaries(path.slice(root.length + 1), bytes.toString('latin1'), neverInTheClear)));
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
