import type { DeviceChainEntry } from '@eonpro/core';
import type { Db } from '../../../src/host/db/openDatabase.ts';
import type { Host } from '../../../src/host/startHost.ts';
import { allEntries } from './tamper.ts';

/** The host's own connection to its database (the workstation must be unlocked). */
export function hostDb(host: Host): Db {
  const store = host.createContext().host.storeIfOpen();
  if (!store) throw new Error('The workstation is locked');
  return store.db;
}

/** The audit entries a host recorded after the first `skip`. */
export function hostAuditEntries(host: Host, skip = 0): DeviceChainEntry[] {
  return allEntries(hostDb(host)).slice(skip);
}

/** Every column of every audit row, as one text to search. */
export function auditTableText(db: Db): string {
  return JSON.stringify(db.prepare('SELECT * FROM audit_entries ORDER BY device_seq').all());
}
