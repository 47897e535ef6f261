/** Why this workstation would not trust the sync server's certificate (TLS checks are never turned off). */
export type CertificateProblem = 'untrusted' | 'name-mismatch' | 'expired' | 'not-yet-valid';

/** OpenSSL's verification codes (as Node reports them on the TLS error) by what they mean for a person. */
const PROBLEMS_BY_CODE: Readonly<Record<string, CertificateProblem>> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'untrusted',
  CERT_UNTRUSTED: 'untrusted',
  CERT_REJECTED: 'untrusted',
  CERT_SIGNATURE_FAILURE: 'untrusted',
  INVALID_CA: 'untrusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'name-mismatch',
  HOSTNAME_MISMATCH: 'name-mismatch',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not-yet-valid',
};

const NOTHING_LOST = 'Nothing was lost: changes wait on this workstation until it can connect safely.';

export const CERTIFICATE_PROBLEM_MESSAGES: Readonly<Record<CertificateProblem, string>> = {
  untrusted: `The sync server's certificate is not trusted on this workstation (untrusted certificate: issued by an authority it does not know). If the clinic uses its own certificate authority, an administrator sets its CA file on this workstation. ${NOTHING_LOST}`,
  'name-mismatch': `The sync server's certificate is for another address than the one this workstation uses (name mismatch). An administrator checks the server address. ${NOTHING_LOST}`,
  expired: `The sync server's certificate has expired. An administrator renews it. ${NOTHING_LOST}`,
  'not-yet-valid': `The sync server's certificate is not valid yet. Check this workstation's date and time. ${NOTHING_LOST}`,
};

/** Whether an error (as toAppError made it) says the server's certificate was refused. */
export function isCertificateRefusal(error: { message: string }): boolean {
  return Object.values(CERTIFICATE_PROBLEM_MESSAGES).includes(error.message);
}

/** The certificate problem behind a failed call (looking through fetch's and tRPC's wrapping), or null. */
export function certificateProblemOf(error: unknown): CertificateProblem | null {
  for (let cause: unknown = error, depth = 0; cause && depth < 8; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && Object.hasOwn(PROBLEMS_BY_CODE, code)) return PROBLEMS_BY_CODE[code]!;
    cause = (cause as { cause?: unknown }).cause;
  }
  return null;
}
