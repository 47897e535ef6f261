import { readFileSync } from 'node:fs';
import type { Needle } from './canaries.ts';
import type { Exchange } from './recordingProxy.ts';

/** The secrets the flow is handed rather than types, each kind searched for in its own forms. */
export const issuedKinds = [
  'totpSecret',
  'otpauthUri',
  'oneTimeCode',
  'recoveryCode',
  'challengeToken',
  'accessToken',
  'refreshToken',
  'devicePrivateKey',
  'masterKey',
  'wrappedKey',
] as const;
export type IssuedKind = (typeof issuedKinds)[number];

/** The keys of a server or host answer whose values are secrets, and what they are. */
const SECRET_ANSWER_KEYS: Readonly<Record<string, IssuedKind>> = {
  secret: 'totpSecret',
  otpauthUri: 'otpauthUri',
  recoveryCodes: 'recoveryCode',
  challengeToken: 'challengeToken',
  accessToken: 'accessToken',
  refreshToken: 'refreshToken',
};

/**
 * What the flow was given: TOTP secrets and their otpauth:// URIs, one-time and recovery codes, challenge, access
 * and refresh tokens (read from the answers that carried them), the workstations' device private keys, the
 * server's master key and the data and signing keys it wraps. None may show in a log, a URL or an error.
 */
export class IssuedSecrets {
  private readonly values = new Map<IssuedKind, Set<string>>(issuedKinds.map((kind) => [kind, new Set<string>()]));

  add(kind: IssuedKind, value: string): void {
    this.values.get(kind)!.add(value);
  }

  count(kind: IssuedKind): number {
    return this.values.get(kind)!.size;
  }

  /** Every secret in the successful answers of `exchanges` (the one place they are meant to be). */
  collectFromAnswers(exchanges: readonly Exchange[]): void {
    for (const exchange of exchanges) {
      if (exchange.status >= 400) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(exchange.body);
      } catch {
        continue;
      }
      this.collectFrom(parsed);
    }
  }

  /** The versions of the master key in the server's key file. */
  collectMasterKeys(keyFile: string): void {
    const file = JSON.parse(readFileSync(keyFile, 'utf8')) as { versions: Array<{ key: string }> };
    for (const { key } of file.versions) this.add('masterKey', key);
  }

  needles(): Needle[] {
    const needles: Needle[] = [];
    for (const [kind, values] of this.values) {
      let index = 0;
      for (const value of values) {
        index += 1;
        for (const [form, text] of forms(kind, value)) {
          needles.push({ label: `issued.${kind} #${index}${form ? ` (${form})` : ''}`, text: text.toLowerCase(), ...(kind === 'oneTimeCode' ? { wholeNumber: true as const } : {}) });
        }
      }
    }
    return needles;
  }

  private collectFrom(value: unknown): void {
    if (Array.isArray(value)) {
      for (const item of value) this.collectFrom(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, item] of Object.entries(value)) {
      const kind = SECRET_ANSWER_KEYS[key];
      if (!kind) this.collectFrom(item);
      else for (const secret of [item].flat()) if (typeof secret === 'string') this.add(kind, secret);
    }
  }
}

/** The forms a secret may be written in, besides itself: a part that is secret on its own, a key in other encodings. */
function forms(kind: IssuedKind, value: string): Array<[string, string]> {
  switch (kind) {
    case 'recoveryCode':
      return [['', value], ['compact', value.replace(/-/g, '')]];
    case 'refreshToken':
      // `<tenant id>.<secret>`: the tenant id is no secret and is logged as an id.
      return [['secret part', value.slice(value.indexOf('.') + 1)]];
    case 'accessToken':
      return [['', value], ['signature', value.slice(value.lastIndexOf('.') + 1)]];
    case 'devicePrivateKey': {
      // PKCS#8 DER as the workstation keeps it; the Ed25519 seed is its last 32 bytes.
      const seed = Buffer.from(value, 'base64').subarray(-32);
      return [['', value], ...keyForms(seed).map(([form, text]): [string, string] => [`seed, ${form}`, text])];
    }
    case 'masterKey':
      return keyForms(Buffer.from(value, 'base64url'));
    default:
      return [['', value]];
  }
}

function keyForms(key: Buffer): Array<[string, string]> {
  return [['hex', key.toString('hex')], ['base64', key.toString('base64')], ['base64url', key.toString('base64url')]];
}
