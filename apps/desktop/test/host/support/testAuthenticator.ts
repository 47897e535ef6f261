import { generate } from 'otplib';

const STEP_MS = 30_000;

/**
 * The test's stand-in for everyone's authenticator app: it keeps each secret set up at sign-in by email and makes
 * codes. The test server reads the same clock (its `now`), and each code moves it on one 30-second step first, so
 * sign-ins in quick succession never present a code the server has already accepted (a replay).
 */
export class TestAuthenticator {
  private offsetMs = 0;
  private readonly secrets = new Map<string, string>();
  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  enrol(email: string, secret: string): void {
    this.secrets.set(email.toLowerCase(), secret);
  }

  /** The code for `email` at the next time step, as the app would show it then. */
  async nextCode(email: string): Promise<string> {
    const secret = this.secrets.get(email.toLowerCase());
    if (!secret) throw new Error('No authenticator was set up for that account in this test');
    this.offsetMs += STEP_MS;
    return generate({ secret, epoch: Math.floor(this.now().getTime() / 1000) });
  }
}

/** What the host's session router answers (the parts the second step needs). */
interface HostSessionCalls<Status extends { state: string }> {
  completeMfa(input: { code: string }): Promise<Status>;
  beginMfaEnrolment(): Promise<{ secret: string }>;
  confirmMfaEnrolment(input: { code: string }): Promise<{ status: Status; recoveryCodes: string[] }>;
}

/**
 * Finishes a host sign-in as a person would: a code from their authenticator when the host asks for one, or first
 * setting one up with the secret it shows. Answers the status after it (signed in).
 */
export async function finishSecondStep<Status extends { state: string }>(
  session: HostSessionCalls<Status>,
  authenticator: TestAuthenticator,
  email: string,
  status: Status,
): Promise<Status> {
  if (status.state === 'mfa-required') return session.completeMfa({ code: await authenticator.nextCode(email) });
  if (status.state !== 'mfa-enrolment-required') return status;
  const { secret } = await session.beginMfaEnrolment();
  authenticator.enrol(email, secret);
  return (await session.confirmMfaEnrolment({ code: await authenticator.nextCode(email) })).status;
}
