import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AppError } from '@eonpro/core';

/** Environment variable naming the clinic's CA bundle (PEM) when HostOptions.serverCaFile is not given. */
export const SERVER_CA_FILE_ENV = 'EONPRO_SERVER_CA_FILE';

/** Reads the CA bundle a workstation trusts the sync server's certificate by; refuses a file that holds none. */
export function readServerCaFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AppError('VALIDATION', `The sync server's CA file ${path} cannot be read.`, [{ path: 'serverCaFile', message: 'Cannot be read' }]);
  }
  try {
    new X509Certificate(text);
  } catch {
    throw new AppError('VALIDATION', `The sync server's CA file ${path} does not hold a PEM certificate.`, [{ path: 'serverCaFile', message: 'Not a PEM certificate' }]);
  }
  return text;
}
