import { z } from 'zod';

export const challengeTokenSchema = z.string().min(1, 'Required').max(200);

/** Six digits; spaces people type between the groups are dropped. */
export const totpCodeSchema = z
  .string()
  .transform((code) => code.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app'));

const recoveryCodeSchema = z.string().trim().min(1, 'Required').max(40, 'Not a recovery code');

/** A challenge and exactly one proof: a code, or a recovery code. */
export const secondFactorSchema = z.union([
  z.object({ challengeToken: challengeTokenSchema, code: totpCodeSchema }).strict(),
  z.object({ challengeToken: challengeTokenSchema, recoveryCode: recoveryCodeSchema }).strict(),
]);
