import type { SessionDeps } from '../session.ts';
import type { SecretSealer } from './totpSecretSeal.ts';

/** What the two-step sign-in needs: the session's parts and the sealer that keeps TOTP secrets out of the clear. */
export interface MfaDeps extends SessionDeps {
  sealer: SecretSealer;
}

export function nowOf(deps: { now?: () => Date }): Date {
  return deps.now?.() ?? new Date();
}
