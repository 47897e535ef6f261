import { argon2, randomBytes, scrypt, timingSafeEqual, type Argon2Parameters, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with argon2id (RFC 9106) from node:crypto. Parameters: m = 19 MiB (19456 KiB), t = 2 passes,
 * p = 1 lane, a 32-byte tag and a random 16-byte salt per password: the OWASP Password Storage Cheat Sheet's
 * minimum for argon2id. Stored as a self-describing PHC string, so raising the parameters later leaves old
 * hashes verifiable: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>` (unpadded base64).
 *
 * Hashes from before argon2id (`scrypt$<N>$<r>$<p>$<salt base64>$<key base64>`) still verify; needsRehash tells
 * sign-in to replace them.
 */
const ARGON2_PARAMS = { memory: 19_456, passes: 2, parallelism: 1 } as const;
const ARGON2_VERSION = 19;
const TAG_LENGTH = 32;
const SALT_LENGTH = 16;
const CURRENT_PREFIX = `$argon2id$v=${ARGON2_VERSION}$m=${ARGON2_PARAMS.memory},t=${ARGON2_PARAMS.passes},p=${ARGON2_PARAMS.parallelism}$`;
const ARGON2ID_HASH = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const tag = await argon2id(password, salt, ARGON2_PARAMS, TAG_LENGTH);
  return `${CURRENT_PREFIX}${unpadded(salt)}$${unpadded(tag)}`;
}

/** Constant-time comparison; false for a malformed hash rather than an error. */
export function verifyPassword(password: string, stored: string): Promise<boolean> {
  return stored.startsWith('scrypt$') ? verifyScrypt(password, stored) : verifyArgon2id(password, stored);
}

/** True when a stored hash is not argon2id with today's parameters: replace it after the next good sign-in. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

/**
 * A hash of a random password, for verifying against when the email is unknown: sign-in then takes as long
 * as for a real user, so timing does not reveal which emails have accounts.
 */
export function decoyPasswordHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(32).toString('base64'));
  return decoy;
}
let decoy: Promise<string> | undefined;

async function verifyArgon2id(password: string, stored: string): Promise<boolean> {
  const match = ARGON2ID_HASH.exec(stored);
  if (!match) return false;
  const [memory, passes, parallelism] = match.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(match[4]!, 'base64');
  const expected = Buffer.from(match[5]!, 'base64');
  if (salt.length < 8 || expected.length < 4) return false;
  const actual = await argon2id(password, salt, { memory, passes, parallelism }, expected.length).catch(() => null);
  return actual !== null && timingSafeEqual(actual, expected);
}

async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6) return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (![N, r, p].every(Number.isSafeInteger) || expected.length === 0) return false;
  const actual = await scryptKey(password, salt, { N, r, p }, expected.length);
  return timingSafeEqual(actual, expected);
}

function argon2id(password: string, salt: Buffer, params: Pick<Argon2Parameters, 'memory' | 'passes' | 'parallelism'>, length: number): Promise<Buffer> {
  const parameters: Argon2Parameters = { ...params, message: password.normalize('NFC'), nonce: salt, tagLength: length };
  return new Promise((resolve, reject) => {
    argon2('argon2id', parameters, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function scryptKey(password: string, salt: Buffer, params: { N: number; r: number; p: number }, length: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly that, with no room for overhead.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function unpadded(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
