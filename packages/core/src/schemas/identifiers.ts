import { z } from 'zod';

/**
 * A US Social Security number written NNN-NN-NNNN that the SSA could have issued: never area 000, 666 or
 * 900–999, group 00 or serial 0000. (Synthea's made-up SSNs start with 999, so they are refused.)
 */
export function isIssuableSsn(value: string): boolean {
  const match = /^(\d{3})-(\d{2})-(\d{4})$/.exec(value);
  if (!match) return false;
  const [, area, group, serial] = match;
  return area !== '000' && area !== '666' && !area!.startsWith('9') && group !== '00' && serial !== '0000';
}

/** Optional text: blank is null; a given value must pass `rule`. */
const optionalIdentifier = (rule: z.ZodType<string, string>) =>
  z
    .string()
    .trim()
    .nullable()
    .optional()
    .transform((value) => (value === '' || value === undefined ? null : value))
    .pipe(rule.nullable());

export const ssnSchema = optionalIdentifier(
  z
    .string()
    .regex(/^\d{3}-\d{2}-\d{4}$/, { message: 'Must be written NNN-NN-NNNN', abort: true })
    .refine(isIssuableSsn, 'Not a valid SSN (area 000, 666 or 900–999, group 00 and serial 0000 are never issued)'),
);

/** A driver's licence number: 1–20 letters and digits, kept upper-case (states print them that way). */
export const driversLicenseSchema = optionalIdentifier(
  z
    .string()
    .regex(/^[A-Za-z0-9]{1,20}$/, 'Must be 1 to 20 letters and digits')
    .transform((value) => value.toUpperCase()),
);

/** `•••-••-1234`: the last four digits of an SSN, the rest masked. */
export function maskSsn(ssn: string): string {
  return `•••-••-${ssn.slice(-4)}`;
}

/** A licence number with all but its last four characters masked. */
export function maskDriversLicense(license: string): string {
  return `${'•'.repeat(Math.max(0, license.length - 4))}${license.slice(-4)}`;
}
