import { mutationRejectionCodes, type MutationResult } from '@eonpro/core';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database.ts';
import { DeviceActivity } from './deviceActivity.ts';
import { readAuditChainLengths, readLastSyncSeqs } from './tenantReadings.ts';

/** A device that pushed or pulled this recently counts as active (it syncs every 30 s while someone is signed in). */
export const ACTIVE_DEVICE_WINDOW_MS = 15 * 60_000;

/** Seconds; 0.5 and 1 are the push and pull SLO thresholds (README, "Audit, logs and metrics"). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

type Outcome = 'ok' | 'error';

/**
 * The server's Prometheus metrics, on a registry of their own (served on the metrics port, never the API port).
 * Labels carry ids and codes only.
 */
/** The procedures a sign-in goes through: the password, then (for two-step sign-in) the code. */
const SIGN_IN_STEPS = new Set(['auth.signIn', 'auth.completeMfa', 'auth.confirmMfaEnrolment']);

export class ServerMetrics {
  readonly registry = new Registry();
  private readonly devices = new DeviceActivity();
  private readonly pushDuration: Histogram<'outcome'>;
  private readonly pullDuration: Histogram<'outcome'>;
  private readonly mutationsApplied: Counter;
  private readonly mutationsDuplicate: Counter;
  private readonly mutationsRejected: Counter<'code'>;
  private readonly signInFailures: Counter<'code'>;

  constructor(db: Database) {
    const registers = [this.registry];
    this.pushDuration = new Histogram({
      name: 'eonpro_sync_push_duration_seconds',
      help: 'Time to answer a sync.push call, sign-in checks included, by outcome.',
      labelNames: ['outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.pullDuration = new Histogram({
      name: 'eonpro_sync_pull_duration_seconds',
      help: 'Time to answer a sync.pull call (one page), sign-in checks included, by outcome.',
      labelNames: ['outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    for (const outcome of ['ok', 'error'] satisfies Outcome[]) {
      this.pushDuration.zero({ outcome });
      this.pullDuration.zero({ outcome });
    }
    this.mutationsApplied = new Counter({ name: 'eonpro_sync_mutations_applied_total', help: 'Pushed mutations applied.', registers });
    this.mutationsDuplicate = new Counter({
      name: 'eonpro_sync_mutations_duplicate_total',
      help: 'Pushed mutations already applied before (a retried batch); answered, not applied again.',
      registers,
    });
    this.mutationsRejected = new Counter({
      name: 'eonpro_sync_mutations_rejected_total',
      help: 'Pushed mutations rejected, by rejection code.',
      labelNames: ['code'],
      registers,
    });
    for (const code of mutationRejectionCodes) this.mutationsRejected.inc({ code }, 0);
    this.signInFailures = new Counter({
      name: 'eonpro_auth_sign_in_failures_total',
      help: 'Sign-in calls (the password, and the two-step code) that did not sign anyone in, by tRPC error code (UNAUTHORIZED: wrong email, password or code; TOO_MANY_REQUESTS: account locked).',
      labelNames: ['code'],
      registers,
    });
    this.signInFailures.inc({ code: 'UNAUTHORIZED' }, 0);
    this.signInFailures.inc({ code: 'TOO_MANY_REQUESTS' }, 0);

    const devices = this.devices;
    const activeDevices: Gauge<'tenant_id'> = new Gauge({
      name: 'eonpro_active_devices',
      help: `Workstations that pushed or pulled in the last ${ACTIVE_DEVICE_WINDOW_MS / 60_000} minutes, per tenant.`,
      labelNames: ['tenant_id'],
      registers,
      collect() {
        activeDevices.reset();
        for (const [tenantId, count] of devices.activeByTenant(Date.now() - ACTIVE_DEVICE_WINDOW_MS)) activeDevices.set({ tenant_id: tenantId }, count);
      },
    });
    const pullLag: Gauge<'tenant_id' | 'device_id'> = new Gauge({
      name: 'eonpro_sync_pull_lag_changes',
      help: "Changes a workstation has yet to pull: the tenant's last change number minus the device's last pull cursor.",
      labelNames: ['tenant_id', 'device_id'],
      registers,
      async collect() {
        const cursors = devices.pullCursors();
        const lastSeqs = await readLastSyncSeqs(db, cursors.map((device) => device.tenantId));
        pullLag.reset();
        for (const { tenantId, deviceId, cursor } of cursors) {
          pullLag.set({ tenant_id: tenantId, device_id: deviceId }, Math.max(0, (lastSeqs.get(tenantId) ?? 0) - cursor));
        }
      },
    });
    const auditChainLength: Gauge<'tenant_id'> = new Gauge({
      name: 'eonpro_audit_chain_length',
      help: "Entries in the tenant's audit chain.",
      labelNames: ['tenant_id'],
      registers,
      async collect() {
        const lengths = await readAuditChainLengths(db);
        auditChainLength.reset();
        for (const [tenantId, length] of lengths) auditChainLength.set({ tenant_id: tenantId }, length);
      },
    });
  }

  /** Node's and the process's own metrics (CPU, memory, event loop, GC), for a real server only. */
  includeProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry });
    // Gauges that prom-client names like counters, which Prometheus' naming rules (promtool) refuse; the same
    // counts stay available by type in nodejs_active_handles, nodejs_active_requests and nodejs_active_resources.
    for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) this.registry.removeSingleMetric(name);
  }

  /** Every tRPC call ends here (trpc.ts): push and pull are timed, failed sign-ins counted. */
  observeCall(procedure: string, seconds: number, failure: TRPC_ERROR_CODE_KEY | null): void {
    const outcome: Outcome = failure === null ? 'ok' : 'error';
    if (procedure === 'sync.push') this.pushDuration.observe({ outcome }, seconds);
    else if (procedure === 'sync.pull') this.pullDuration.observe({ outcome }, seconds);
    else if (SIGN_IN_STEPS.has(procedure) && failure !== null) this.signInFailures.inc({ code: failure });
  }

  /** A push was answered: counts each mutation's outcome. */
  recordPush(tenantId: string, deviceId: string, results: readonly MutationResult[]): void {
    this.devices.seen(tenantId, deviceId);
    for (const result of results) {
      if (result.status === 'applied') this.mutationsApplied.inc();
      else if (result.status === 'duplicate') this.mutationsDuplicate.inc();
      else this.mutationsRejected.inc({ code: result.code });
    }
  }

  /** A pull page was answered: the device has everything up to `cursor`. */
  recordPull(tenantId: string, deviceId: string, cursor: number): void {
    this.devices.pulled(tenantId, deviceId, cursor);
  }
}
