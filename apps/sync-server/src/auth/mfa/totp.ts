import { generateSecret, generateURI, verify } from 'otplib';

/** Shown in the authenticator app above the account. */
export const TOTP_ISSUER = 'EONPro Clinic';
export const TOTP_PERIOD_SECONDS = 30;
/** One step either side of now, for clocks a little off and a code typed at the end of its 30 seconds. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), Base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app reads from the QR code: issuer "EONPro Clinic", account = email. */
export function otpauthUri(email: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret, period: TOTP_PERIOD_SECONDS });
}

/**
 * The time step a 6-digit code belongs to when it is right for `now` (±1 step) and newer than `afterStep`
 * (the last step a code was accepted for: each code is accepted once), else null.
 */
export async function acceptedTotpStep(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      period: TOTP_PERIOD_SECONDS,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    // otplib throws for a malformed code or a last step ahead of the window: either way, not accepted.
    return null;
  }
}
