import { z } from 'zod';
import { isUuid } from '../ids/uuidv7.ts';
import { isHlc } from '../sync/hlc.ts';

export const uuidSchema = z.string().refine(isUuid, 'Must be a UUID');
export const hlcSchema = z.string().refine(isHlc, 'Must be a hybrid logical clock timestamp');

/** A calendar date, YYYY-MM-DD, that exists (no 2023-02-30). */
export const isoDateSchema = z
  .string()
  .min(1, { message: 'Required', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Must be a date written YYYY-MM-DD', abort: true })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, { message: 'Must be a real calendar date', abort: true });

export const pastDateSchema = isoDateSchema.refine(
  (value) => value <= new Date().toISOString().slice(0, 10),
  'Cannot be in the future',
);

export const trimmedText = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);
