import { generate } from 'otplib';
import { TestAuthenticator } from '../../host/support/testAuthenticator.ts';
import type { IssuedSecrets } from './issuedSecrets.ts';

const STEP_SECONDS = 30;
/** Distinctive codes to pick a wrong one from: at most one step near now can give each. */
const WRONG_CODE_CANDIDATES = ['731946', '418205', '962037', '205813'];

/**
 * The test's authenticator app that also keeps every secret set up and every code it gives among the issued
 * secrets, and can give a code it knows is wrong.
 */
export class RecordingAuthenticator extends TestAuthenticator {
  private readonly secretsByEmail = new Map<string, string>();

  constructor(private readonly issued: IssuedSecrets) {
    super();
  }

  override enrol(email: string, secret: string): void {
    super.enrol(email, secret);
    this.secretsByEmail.set(email.toLowerCase(), secret);
    this.issued.add('totpSecret', secret);
  }

  override async nextCode(email: string): Promise<string> {
    const code = await super.nextCode(email);
    this.issued.add('oneTimeCode', code);
    return code;
  }

  /** A well-formed code that none of the steps around the server's clock (now ± 3 steps) gives. */
  async wrongCode(email: string): Promise<string> {
    const secret = this.secretsByEmail.get(email.toLowerCase());
    if (!secret) throw new Error('No authenticator was set up for that account in this test');
    const epoch = Math.floor(this.now().getTime() / 1000);
    const near = await Promise.all([-3, -2, -1, 0, 1, 2, 3].map((step) => generate({ secret, epoch: epoch + step * STEP_SECONDS })));
    const code = WRONG_CODE_CANDIDATES.find((candidate) => !near.includes(candidate))!;
    this.issued.add('oneTimeCode', code);
    return code;
  }
}
