import { z } from 'zod';
import { isSensitiveKey } from '../redact/sensitiveKeys.ts';
import { redactText } from '../redact/redactText.ts';
import { isReasonDigest } from './reasonDigest.ts';

export const MAX_DETAIL_FACTS = 16;

const detailKeySchema = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]{0,39}$/, 'Must be a camelCase name of at most 40 characters')
  .refine((key) => !isSensitiveKey(key), 'Names personal data or a secret; an audit detail holds only non-identifying facts');

/** Detail texts are a small vocabulary (procedure names, codes) seen over and over: remember the verdict on each. */
const KNOWN_TEXTS_LIMIT = 1000;
const knownTexts = new Map<string, boolean>();

function identifiesNoOne(text: string): boolean {
  let verdict = knownTexts.get(text);
  if (verdict === undefined) {
    verdict = redactText(text) === text;
    if (knownTexts.size >= KNOWN_TEXTS_LIMIT) knownTexts.clear();
    knownTexts.set(text, verdict);
  }
  return verdict;
}

const detailTextSchema = z
  .string()
  .max(100, 'At most 100 characters')
  .regex(/^[A-Za-z0-9_.:/-]*$/, 'Must be a short code (letters, digits, _ . : / -), never free text')
  // A reason digest's long hex would read as a secret to the redactor; it is a fingerprint, exempt by its exact form.
  .refine((text) => isReasonDigest(text) || identifiesNoOne(text), 'Looks like personal data or a secret');

/**
 * Small facts about an event that identify no one: a search's shape ({ kind: 'name', tokens: 2 }), never its
 * text; an error code, a count, a format. Flat, so an auditor reads it at a glance.
 */
export const auditDetailSchema = z
  .record(detailKeySchema, z.union([detailTextSchema, z.number(), z.boolean(), z.null()]))
  .refine((detail) => Object.keys(detail).length <= MAX_DETAIL_FACTS, `At most ${MAX_DETAIL_FACTS} facts`);

export type AuditDetail = z.output<typeof auditDetailSchema>;
