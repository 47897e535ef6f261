import { deviceHashedText, tenantHashedText, type AuditChainEntry, type DeviceChainEntry } from '@eonpro/core';
import type { HashAnswers, HashItem, HashWorkers } from './hashWorkers.ts';

/** Entries per job handed to a worker, and jobs in flight at once (bounds the texts held in memory). */
const JOB_SIZE = 5000;
const JOBS_IN_FLIGHT = 4;

/** The link to check, or null when the entry cannot be read as one (a malformed entry: the walk names it). */
function itemOrNull<Entry>(entry: Entry, read: (entry: Entry) => HashItem | null): HashItem | null {
  try {
    const item = read(entry);
    return item && typeof item.prevHash === 'string' ? item : null;
  } catch {
    return null;
  }
}

const tenantItem = (entry: AuditChainEntry): HashItem => ({ prevHash: entry.prevHash, text: tenantHashedText(entry), expected: entry.entryHash });

// deviceEntryText leaves the server's recordedAt out, so the tenant entry's event serves as the device event.
const deviceItem = (entry: AuditChainEntry): HashItem | null =>
  entry.deviceLink
    ? {
        prevHash: entry.deviceLink.devicePrevHash,
        text: deviceHashedText({ ...entry.deviceLink, event: entry.event as DeviceChainEntry['event'] }),
        expected: entry.deviceLink.deviceHash,
      }
    : null;

/** Hashes the tenant entries' links on the workers: one answer per entry, for verifyChain's hashVerdicts. */
export function tenantHashAnswers(workers: HashWorkers, entries: readonly AuditChainEntry[]): Promise<HashAnswers> {
  return workers.check(entries.map((entry) => itemOrNull(entry, tenantItem)));
}

/**
 * The device-chain answers for a stretch of a tenant chain, by tenant position: for an entry a workstation pushed,
 * whether it hashes to its device hash (see deviceHashedText); undefined for the server's own entries.
 */
export function deviceHashAnswers(workers: HashWorkers, entries: readonly AuditChainEntry[]): Promise<HashAnswers> {
  return workers.check(entries.map((entry) => itemOrNull(entry, deviceItem)));
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
