import { createHash } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * The importer signs in as a device. Deriving its id from the machine name (an RFC 9562 version 8 UUID) keeps
 * the same id on every run, so repeated imports from one machine do not register a new device each time.
 */
export function importerDevice(): { deviceId: string; deviceName: string } {
  const host = hostname();
  const bytes = createHash('sha256').update(`eonpro-import-cli:${host}`).digest().subarray(0, 16);
  bytes[6] = 0x80 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  const deviceId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { deviceId, deviceName: `Import command (${host})` };
}
