/**
 * The metrics as Prometheus sees them: a real server on real ports, real pushes, pulls and sign-ins over HTTP,
 * then the scraped text checked by `promtool check metrics` (Debian's prometheus package) and read back.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { HybridClock, SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION, uuidv7, type Mutation } from '@eonpro/core';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { startSyncServer, type AppRouter, type RunningSyncServer } from '../index.ts';
import { finishSignIn, TestAuthenticator } from '../../test/support/authenticator.ts';
import { WorkstationKey } from '../../test/support/workstationKey.ts';

const ADMIN = { clinicName: 'Metrics Clinic', adminName: 'Mona Metric', email: 'mona@metrics.test', password: 'a-long-admin-password-1' };
const PATIENTS_PUSHED = 3;

type Client = ReturnType<typeof createTRPCClient<AppRouter>>;

/** Parsed samples of a scrape: `name{label="value",…}` → value. */
type Samples = Map<string, number>;

function parseSamples(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

function sample(samples: Samples, name: string, labels: Record<string, string> = {}): number {
  const labelText = Object.entries(labels).map(([key, value]) => `${key}="${value}"`).join(',');
  const value = samples.get(labelText ? `${name}{${labelText}}` : name);
  assert.notEqual(value, undefined, `no sample ${name}{${labelText}} in the scrape`);
  return value!;
}

async function scrape(server: RunningSyncServer): Promise<string> {
  const response = await fetch(server.metricsUrl);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  return response.text();
}

class Workstation {
  private readonly clock: HybridClock;
  private seq = 0;
  constructor(
    readonly deviceId: string,
    readonly client: Client,
  ) {
    this.clock = new HybridClock(deviceId);
  }

  patient(fields: Record<string, unknown>): Mutation {
    const rev = this.clock.tick();
    return {
      mutationId: uuidv7(),
      deviceId: this.deviceId,
      seq: ++this.seq,
      entity: 'patient',
      recordId: uuidv7(),
      op: 'create',
      fields,
      fieldRevs: Object.fromEntries(Object.keys(fields).map((field) => [field, rev])),
      baseRev: null,
      madeAt: new Date().toISOString(),
    };
  }

  push(mutations: Mutation[]) {
    return this.client.sync.push.mutate({ protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SYNC_SCHEMA_VERSION, deviceId: this.deviceId, mutations });
  }

  pull(cursor: number, limit?: number) {
    return this.client.sync.pull.query({ protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SYNC_SCHEMA_VERSION, cursor, ...(limit ? { limit } : {}) });
  }
}

describe('Prometheus metrics', () => {
  let server: RunningSyncServer;
  let tenantId: string;
  let caughtUp: Workstation;
  let behind: Workstation;
  let before_: Samples;
  let scraped: string;
  let after_: Samples;

  const client = (accessToken?: string): Client =>
    createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${server.url}/trpc`, headers: () => (accessToken ? { authorization: `Bearer ${accessToken}` } : {}) })],
    });

  const authenticator = new TestAuthenticator();

  /** A new workstation: the clinic's first is approved by the admin's sign-in; a later one by `approver`. */
  async function signIn(approver?: Workstation): Promise<Workstation> {
    const deviceId = uuidv7();
    const auth = client().auth;
    const signInOnce = () =>
      auth.signIn.mutate({ email: ADMIN.email, password: ADMIN.password, deviceId, deviceName: 'Reception', ...WorkstationKey.of(deviceId).signInFields(ADMIN.email) });
    const answer = await signInOnce().catch(async (error: unknown) => {
      if (!approver || !(error instanceof TRPCClientError) || error.data?.appCode !== 'DEVICE_PENDING') throw error;
      await approver.client.devices.approve.mutate({ deviceId });
      return signInOnce();
    });
    const calls = { completeMfa: auth.completeMfa.mutate, beginMfaEnrolment: auth.beginMfaEnrolment.mutate, confirmMfaEnrolment: auth.confirmMfaEnrolment.mutate };
    const session = await finishSignIn(calls, authenticator, ADMIN.email, answer);
    return new Workstation(deviceId, client(session.accessToken));
  }

  before(async () => {
    server = await startSyncServer({ port: 0, metricsPort: 0, database: { kind: 'pglite' }, logLevel: 'silent', now: authenticator.now });
    ({ tenantId } = await client().setup.createClinic.mutate(ADMIN));
    caughtUp = await signIn();
    behind = await signIn(caughtUp);
    before_ = parseSamples(await scrape(server));

    const refused = await client()
      .auth.signIn.mutate({ email: ADMIN.email, password: 'not-the-password', deviceId: uuidv7(), deviceName: 'Reception' })
      .catch((error: unknown) => error);
    assert.ok(refused instanceof TRPCClientError && refused.data?.code === 'UNAUTHORIZED', 'a wrong password is refused');

    const patients = Array.from({ length: PATIENTS_PUSHED }, (_, index) =>
      caughtUp.patient({ mrn: `MET-${index}`, givenName: 'Test', familyName: 'Patient', birthDate: '1970-01-01', sex: 'female' }),
    );
    const invalid = caughtUp.patient({ mrn: 'MET-X', givenName: 'Test', familyName: 'Patient', birthDate: '1970-01-01', sex: 'female', shoeSize: 9 });
    const batch = [...patients, invalid];
    const first = await caughtUp.push(batch);
    assert.deepEqual(first.results.map((result) => result.status), ['applied', 'applied', 'applied', 'rejected']);
    const retried = await caughtUp.push(batch);
    assert.deepEqual(retried.results.map((result) => result.status), ['duplicate', 'duplicate', 'duplicate', 'rejected']);

    const all = await caughtUp.pull(0);
    assert.equal(all.hasMore, false);
    const onePage = await behind.pull(0, 1);
    assert.equal(onePage.changes.length, 1);

    scraped = await scrape(server);
    after_ = parseSamples(scraped);
  });

  after(async () => {
    await server?.close();
  });

  const moved = (name: string, labels: Record<string, string> = {}) => sample(after_, name, labels) - sample(before_, name, labels);

  it('passes promtool check metrics on the scraped text', () => {
    const check = spawnSync('promtool', ['check', 'metrics'], { input: scraped, encoding: 'utf8' });
    assert.equal(check.error, undefined, `promtool could not run (scripts/setup-machine.sh installs it): ${String(check.error)}`);
    assert.equal(check.status, 0, `promtool found problems:\n${check.stdout}${check.stderr}`);
  });

  it('counts pushed mutations applied, answered again as duplicates, and rejected by code', () => {
    assert.equal(moved('eonpro_sync_mutations_applied_total'), PATIENTS_PUSHED);
    assert.equal(moved('eonpro_sync_mutations_duplicate_total'), PATIENTS_PUSHED);
    assert.equal(moved('eonpro_sync_mutations_rejected_total', { code: 'VALIDATION' }), 2, 'the invalid mutation, in both answers');
    assert.equal(moved('eonpro_sync_mutations_rejected_total', { code: 'NOT_FOUND' }), 0, 'every rejection code is reported, unused ones at 0');
  });

  it('times every push and pull in histograms with the SLO thresholds as buckets', () => {
    assert.equal(moved('eonpro_sync_push_duration_seconds_count', { outcome: 'ok' }), 2);
    assert.equal(moved('eonpro_sync_pull_duration_seconds_count', { outcome: 'ok' }), 2);
    assert.ok(sample(after_, 'eonpro_sync_push_duration_seconds_sum', { outcome: 'ok' }) > 0);
    assert.equal(sample(after_, 'eonpro_sync_push_duration_seconds_bucket', { le: '+Inf', outcome: 'ok' }), sample(after_, 'eonpro_sync_push_duration_seconds_count', { outcome: 'ok' }));
    assert.ok(after_.has('eonpro_sync_push_duration_seconds_bucket{le="0.5",outcome="ok"}'));
    assert.ok(after_.has('eonpro_sync_pull_duration_seconds_bucket{le="1",outcome="ok"}'));
  });

  it("reports each device's pull lag and the tenant's active devices", () => {
    assert.equal(sample(after_, 'eonpro_sync_pull_lag_changes', { tenant_id: tenantId, device_id: caughtUp.deviceId }), 0);
    assert.equal(sample(after_, 'eonpro_sync_pull_lag_changes', { tenant_id: tenantId, device_id: behind.deviceId }), PATIENTS_PUSHED - 1);
    assert.equal(sample(after_, 'eonpro_active_devices', { tenant_id: tenantId }), 2);
  });

  it('counts failed sign-ins by code', () => {
    assert.equal(moved('eonpro_auth_sign_in_failures_total', { code: 'UNAUTHORIZED' }), 1);
  });

  it("reports audit chain lengths per tenant as whole numbers, when the schema has an audit chain", () => {
    const lengths = [...after_].filter(([key]) => key.startsWith('eonpro_audit_chain_length{'));
    for (const [key, value] of lengths) {
      assert.match(key, /^eonpro_audit_chain_length\{tenant_id="[0-9a-f-]{36}"\}$/);
      assert.ok(Number.isInteger(value) && value >= 0, key);
    }
    assert.match(scraped, /^# TYPE eonpro_audit_chain_length gauge$/m);
  });

  it("includes the process's own metrics", () => {
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds']) {
      assert.ok(after_.has(name), name);
    }
  });

  it('is served on loopback, at /metrics only, and not through the API port', async () => {
    assert.equal(new URL(server.metricsUrl).hostname, '127.0.0.1');
    assert.notEqual(new URL(server.metricsUrl).port, new URL(server.url).port);
    const throughApi = await fetch(`${server.url}/metrics`);
    assert.equal(throughApi.status, 404);
    assert.doesNotMatch(await throughApi.text(), /eonpro_|process_/);
    const elsewhere = await fetch(new URL('/', server.metricsUrl));
    assert.equal(elsewhere.status, 404);
    await elsewhere.body?.cancel();
  });
});
