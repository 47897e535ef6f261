import { generate } from 'otplib';
import type { ServerServices } from '../../src/services.ts';

const STEP_MS = 30_000;

/**
 * The test's stand-in for everyone's authenticator app: it keeps each enrolled secret by email and makes codes.
 * The server reads the same clock (services.now), and every code moves it on one 30-second step first, so two
 * sign-ins in the same real second never present a code the server has already accepted (a replay).
 */
export class TestAuthenticator {
  private offsetMs = 0;
  private readonly secrets = new Map<string, string>();
  /** The recovery codes each enrolment handed out, by email, for tests that use them. */
  readonly recoveryCodes = new Map<string, string[]>();
  /** Every code nextCode handed out, for tests that search logs for them. */
  readonly issuedCodes: string[] = [];
  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  enrol(email: string, secret: string): void {
    this.secrets.set(email.toLowerCase(), secret);
  }

  secretOf(email: string): string {
    const secret = this.secrets.get(email.toLowerCase());
    if (!secret) throw new Error('No authenticator was set up for that account in this test');
    return secret;
  }

  /** Moves the shared clock on by whole steps (tests of the ±1 step window and of expiry). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** The code for `email` at the next time step, as the app would show it then. */
  async nextCode(email: string): Promise<string> {
    this.advance(STEP_MS);
    const code = await this.codeAt(this.secretOf(email), 0);
    this.issuedCodes.push(code);
    return code;
  }

  /** The code for a secret `steps` steps from the shared clock's now, without moving it. */
  codeAt(secret: string, steps: number): Promise<string> {
    return generate({ secret, epoch: Math.floor((this.now().getTime() + steps * STEP_MS) / 1000) });
  }
}

const authenticators = new WeakMap<ServerServices, TestAuthenticator>();

/** The authenticator whose clock `services` reads; made (and plugged in) on first use. */
export function authenticatorOf(services: ServerServices): TestAuthenticator {
  let authenticator = authenticators.get(services);
  if (!authenticator) {
    authenticator = new TestAuthenticator();
    services.now = authenticator.now;
    authenticators.set(services, authenticator);
  }
  return authenticator;
}

/** A sign-in answer as the server gives it (auth.signIn). */
export type SignInAnswer<S> = ({ status: 'signed-in' } & S) | { status: 'mfa-required' | 'mfa-enrolment-required'; challengeToken: string };

/** The second-step procedures, however the test reaches them (in-process caller or HTTP client). */
export interface SecondStepCalls<S> {
  completeMfa(input: { challengeToken: string; code: string }): Promise<S>;
  beginMfaEnrolment(input: { challengeToken: string }): Promise<{ secret: string }>;
  confirmMfaEnrolment(input: { challengeToken: string; code: string }): Promise<{ session: S; recoveryCodes: string[] }>;
}

/**
 * Finishes a sign-in as a person would: a code from their authenticator when asked, or first setting one up with
 * the secret the server hands out (kept for their later sign-ins).
 */
export async function finishSignIn<S>(calls: SecondStepCalls<S>, authenticator: TestAuthenticator, email: string, answer: SignInAnswer<S>): Promise<S> {
  if (answer.status === 'signed-in') {
    const { status: _status, ...session } = answer;
    return session as unknown as S;
  }
  const { challengeToken } = answer;
  if (answer.status === 'mfa-required') return calls.completeMfa({ challengeToken, code: await authenticator.nextCode(email) });
  const { secret } = await calls.beginMfaEnrolment({ challengeToken });
  authenticator.enrol(email, secret);
  const enrolled = await calls.confirmMfaEnrolment({ challengeToken, code: await authenticator.nextCode(email) });
  authenticator.recoveryCodes.set(email.toLowerCase(), enrolled.recoveryCodes);
  return enrolled.session;
}
