import { deviceLinkMessage, tenantLinkMessage, type AuditChainEntry, type DeviceChainEntry } from '@eonpro/core';
import type { HashAnswers, HashWorkers } from './hashWorkers.ts';

/** Entries per job handed to a worker, and jobs in flight at once (bounds the texts held in memory). */
const JOB_SIZE = 5000;
const JOBS_IN_FLIGHT = 4;

/** What `read` finds in an entry, or null when the entry cannot be read so (a malformed entry: the walk names it). */
function readOrNull<Entry, Value>(entry: Entry, read: (entry: Entry) => Value): Value | null {
  try {
    return read(entry);
  } catch {
    return null;
  }
}

/** Hashes the tenant entries' link messages on the workers: one answer per entry, for verifyChain's hashVerdicts. */
export function tenantHashAnswers(workers: HashWorkers, entries: readonly AuditChainEntry[]): Promise<HashAnswers> {
  return workers.check(
    entries.map((entry) => readOrNull(entry, tenantLinkMessage)),
    entries.map((entry) => readOrNull(entry, (held) => held.entryHash)),
  );
}

/**
 * The device-chain answers for a stretch of a tenant chain, by tenant position: for an entry a workstation pushed,
 * whether it hashes to its device hash (see deviceLinkMessage); undefined for the server's own entries.
 */
export function deviceHashAnswers(workers: HashWorkers, entries: readonly AuditChainEntry[]): Promise<HashAnswers> {
  // deviceEntryText leaves the server's recordedAt out, so the tenant entry's event serves as the device event.
  const deviceMessage = (entry: AuditChainEntry): string | null =>
    entry.deviceLink ? deviceLinkMessage({ ...entry.deviceLink, event: entry.event as DeviceChainEntry['event'] }) : null;
  return workers.check(
    entries.map((entry) => readOrNull(entry, deviceMessage)),
    entries.map((entry) => readOrNull(entry, (held) => held.deviceLink?.deviceHash ?? null)),
  );
}

/** Answers for a whole chain held in memory, JOB_SIZE entries a job, spread over the workers. */
export async function chainHashAnswers(workers: HashWorkers, entries: readonly AuditChainEntry[]): Promise<HashAnswers> {
  const answers: HashAnswers = new Array<boolean | undefined>(entries.length);
  let failure: unknown = null;
  const inFlight: Promise<void>[] = [];
  for (let from = 0; from < entries.length && failure === null; from += JOB_SIZE) {
    const job = tenantHashAnswers(workers, entries.slice(from, from + JOB_SIZE)).then(
      (jobAnswers) => {
        for (let i = 0; i < jobAnswers.length; i++) answers[from + i] = jobAnswers[i];
      },
      (error: unknown) => {
        failure ??= error;
      },
    );
    inFlight.push(job);
    if (inFlight.length >= JOBS_IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
  if (failure !== null) throw failure;
  return answers;
}
