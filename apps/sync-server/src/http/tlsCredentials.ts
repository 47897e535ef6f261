import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';

/** The server's certificate (PEM, with any intermediates after it) and its private key (PEM, unencrypted). */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export interface TlsCredentials {
  cert: Buffer;
  key: Buffer;
  /** When the certificate stops being valid: past it, every workstation refuses the server. */
  expiresAt: Date;
}

/** The server cannot serve HTTPS with the files it was given; the message says which file and why. */
export class TlsSetupError extends Error {
  override name = 'TlsSetupError';
}

/** Reads and checks the certificate and key before anything starts, so a bad file stops the server at once. */
export function readTlsCredentials(files: TlsFiles): TlsCredentials {
  const cert = readFile(files.certFile, 'certificate');
  const key = readFile(files.keyFile, 'private key');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new TlsSetupError(`The TLS certificate file ${files.certFile} does not hold a PEM certificate.`);
  }
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new TlsSetupError(
      code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH'
        ? `The TLS private key ${files.keyFile} does not belong to the certificate ${files.certFile}.`
        : `The TLS private key file ${files.keyFile} does not hold an unencrypted PEM private key.`,
    );
  }
  return { cert, key, expiresAt: certificate.validToDate };
}

function readFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : 'cannot be read';
    throw new TlsSetupError(`The TLS ${what} file ${path} ${why}.`);
  }
}
