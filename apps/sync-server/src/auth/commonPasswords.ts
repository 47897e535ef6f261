import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from './passwordLength.ts';

/**
 * Where the list comes from: the `passwords-common` dictionary of @zxcvbn-ts/language-common 4.x (MIT), the
 * ranked password list zxcvbn scores against: 49,233 passwords from leaked-password corpora, most frequent first
 * (index 0 = rank 1, `123456`).
 *
 * Refused: the 1,000 most common (ranks 1–1,000), and every password of that dictionary with at least
 * PASSWORD_MIN_LENGTH characters. None of the top 1,000 is that long, so without the second part the length rule
 * alone would already refuse all of them and the check would refuse nothing; the long ones (308, from rank 1,158
 * `123qweasdzxc` on) are the common passwords the length rule lets through. Compared in lower case.
 */
export const COMMON_PASSWORD_RANKS = 1_000;

const ranked: readonly string[] = dictionary['passwords-common'];

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  ranked.filter((password, index) => index < COMMON_PASSWORD_RANKS || password.length >= PASSWORD_MIN_LENGTH).map((password) => password.toLowerCase()),
);

/** Whether a password is on the list, whatever its case. */
export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
