import { randomInt } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so a record number read aloud or retyped is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new medical record number made offline, e.g. "4K7QX-2M9TB": a leading digit (so the search box reads it as an
 * MRN) and nine random base32 characters — about 48 bits, so two workstations practically never pick the same one.
 */
export function generateMrn(): string {
  let value = String(randomInt(1, 10));
  for (let i = 0; i < 9; i++) value += ALPHABET[randomInt(ALPHABET.length)];
  return `${value.slice(0, 5)}-${value.slice(5)}`;
}
