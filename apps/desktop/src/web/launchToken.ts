import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random token for one launch of browser mode: 256 bits, URL-safe. */
export function createLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison (of digests, so the length of a guess reveals nothing either). */
export function launchTokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given === '') return false;
  return timingSafeEqual(digest(given), digest(expected));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
