import { startSession, type Session } from '../session.ts';
import { withChallenge } from './challengeStep.ts';
import { activateEnrolment, startEnrolment, type EnrolmentStart } from './enrolment.ts';
import type { MfaDeps } from './mfaDeps.ts';

/** Signing in in a role that requires two-step sign-in, without it yet: set up the authenticator first. */
export function beginMfaEnrolment(deps: MfaDeps, challengeToken: string): Promise<EnrolmentStart> {
  return withChallenge(deps, challengeToken, { purpose: 'enrol', kind: 'totp', usesUp: false }, (tx, { tenant, user }) =>
    startEnrolment(deps, tx, tenant.tenantId, user),
  );
}

/** The first code verifies: the factor is active, the session opens, and the recovery codes are shown this once. */
export function confirmMfaEnrolment(deps: MfaDeps, input: { challengeToken: string; code: string }): Promise<{ session: Session; recoveryCodes: string[] }> {
  return withChallenge(deps, input.challengeToken, { purpose: 'enrol', kind: 'totp', usesUp: true }, async (tx, { tenant, challenge, user }, now) => {
    const recoveryCodes = await activateEnrolment(deps, tx, tenant.tenantId, user, { code: input.code, deviceId: challenge.deviceId, now });
    if (recoveryCodes === 'wrong-code') return 'wrong-code';
    const session = await startSession(deps, tx, tenant, user, { id: challenge.deviceId, name: challenge.deviceName });
    return { session, recoveryCodes };
  });
}
