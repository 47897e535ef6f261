import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway certificate authority and server certificates made by the openssl CLI, in a temp folder. */
export interface TestCertificates {
  /** The temp folder holding them all (a test may write its own files beside them). */
  dir: string;
  /** The clinic's private CA (PEM): what a workstation is told to trust. */
  caFile: string;
  /** For localhost and 127.0.0.1, signed by the CA, valid for two days. */
  certFile: string;
  keyFile: string;
  /** The same key, signed by the CA, for another name only. */
  wrongNameCertFile: string;
  /** The same key, signed by the CA, expired. */
  expiredCertFile: string;
  /** The key of another pair: it does not belong to any certificate here. */
  otherKeyFile: string;
  remove(): void;
}

export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'eonpro-tls-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const newKey = (name: string) => openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file(name));

  newKey('ca.key');
  openssl('req', '-x509', '-new', '-key', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', '/CN=EONPro Test Clinic CA');
  newKey('server.key');
  openssl('req', '-new', '-key', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=localhost');
  const sign = (out: string, names: string, days: string) => {
    writeFileSync(file(`${out}.ext`), `subjectAltName=${names}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
    openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', days, '-extfile', file(`${out}.ext`), '-out', file(out));
  };
  sign('server.pem', 'DNS:localhost,IP:127.0.0.1', '2');
  sign('wrong-name.pem', 'DNS:sync.elsewhere.test', '2');
  // -days -1 ends the validity a day before it starts: expired from the moment it is made.
  sign('expired.pem', 'DNS:localhost,IP:127.0.0.1', '-1');
  newKey('other.key');

  return {
    dir,
    caFile: file('ca.pem'),
    certFile: file('server.pem'),
    keyFile: file('server.key'),
    wrongNameCertFile: file('wrong-name.pem'),
    expiredCertFile: file('expired.pem'),
    otherKeyFile: file('other.key'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
