import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import path from 'node:path';
import { deviceFingerprint, isUuid, uuidv7, type DeviceProof, type DeviceProofPurpose } from '@eonpro/core';
import { signDeviceProof } from '../../apps/desktop/src/host/device/signDeviceProof.ts';

/**
 * The importer signs in as a device of its own, like a workstation: an Ed25519 key pair made on first use and kept
 * (owner-only) in a file, so repeated imports from one machine are one device, approved once by an administrator.
 * The file is EONPRO_IMPORT_DEVICE_FILE, else ~/.eonpro/import-device.json.
 */
export interface ImporterDevice {
  deviceId: string;
  deviceName: string;
  /** The code the administrator compares before approving it, XXXX-XXXX. */
  fingerprint: string;
  signInFields(email: string, serverUrl: string): { deviceId: string; deviceName: string; devicePublicKey: string; deviceProof: DeviceProof };
  proof(purpose: DeviceProofPurpose, subject: string, serverUrl: string): DeviceProof;
}

interface DeviceFile {
  deviceId: string;
  publicKey: string;
  privateKey: string;
}

export function importerDeviceFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.EONPRO_IMPORT_DEVICE_FILE || path.join(homedir(), '.eonpro', 'import-device.json');
}

export function importerDevice(file = importerDeviceFile()): ImporterDevice {
  const stored = existsSync(file) ? readDeviceFile(file) : createDeviceFile(file);
  const privateKey: KeyObject = createPrivateKey({ key: Buffer.from(stored.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  const deviceName = `Import command (${hostname()})`;
  const proof = (purpose: DeviceProofPurpose, subject: string, serverUrl: string): DeviceProof =>
    signDeviceProof(privateKey, stored.deviceId, purpose, subject, serverUrl);
  return {
    deviceId: stored.deviceId,
    deviceName,
    fingerprint: deviceFingerprint(stored.publicKey),
    proof,
    signInFields: (email, serverUrl) => ({
      deviceId: stored.deviceId,
      deviceName,
      devicePublicKey: stored.publicKey,
      deviceProof: proof('sign-in', email, serverUrl),
    }),
  };
}

function readDeviceFile(file: string): DeviceFile {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DeviceFile>;
  if (typeof parsed.deviceId !== 'string' || !isUuid(parsed.deviceId) || typeof parsed.publicKey !== 'string' || typeof parsed.privateKey !== 'string') {
    throw new Error(`The importer's device file ${file} is damaged: delete it to register this computer again.`);
  }
  return parsed as DeviceFile;
}

function createDeviceFile(file: string): DeviceFile {
  const pair = generateKeyPairSync('ed25519');
  const device: DeviceFile = {
    deviceId: uuidv7(),
    publicKey: pair.publicKey.export({ format: 'jwk' }).x!,
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(device, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return device;
}
