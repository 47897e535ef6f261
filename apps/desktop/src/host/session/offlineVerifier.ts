import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The local stand-in for the server's password check, for offline sign-in and unlocking after an idle lock: argon2id
 * (RFC 9106, node:crypto) with m = 19 MiB, t = 2, p = 1, a 32-byte tag and a random 16-byte salt — the OWASP minimum,
 * the same as the server's. Kept as a PHC string in the encrypted store, replaced on every online sign-in.
 */
const PARAMS = { memory: 19_456, passes: 2, parallelism: 1 } as const;
const TAG_LENGTH = 32;
const SALT_LENGTH = 16;
const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export async function makeOfflineVerifier(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const tag = await argon2id(password, salt, PARAMS, TAG_LENGTH);
  return `$argon2id$v=19$m=${PARAMS.memory},t=${PARAMS.passes},p=${PARAMS.parallelism}$${unpadded(salt)}$${unpadded(tag)}`;
}

/** Constant-time; false (never an error) for a malformed verifier. */
export async function checkOfflineVerifier(password: string, verifier: string): Promise<boolean> {
  const match = PHC.exec(verifier);
  if (!match) return false;
  const [memory, passes, parallelism] = match.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(match[4]!, 'base64');
  const expected = Buffer.from(match[5]!, 'base64');
  const actual = await argon2id(password, salt, { memory, passes, parallelism }, expected.length).catch(() => null);
  return actual !== null && actual.length === expected.length && timingSafeEqual(actual, expected);
}

function argon2id(password: string, salt: Buffer, params: { memory: number; passes: number; parallelism: number }, tagLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2('argon2id', { message: password, nonce: salt, tagLength, ...params }, (error, tag) => (error ? reject(error) : resolve(tag)));
  });
}

function unpadded(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
