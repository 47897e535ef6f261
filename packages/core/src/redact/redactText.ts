import { knownValueFinder, type KnownValueFinder } from './knownValues.ts';
import { REDACTED } from './redacted.ts';
import { redactStreetAddresses } from './streetAddress.ts';
import { redactPatterns, redactSecretRuns } from './textPatterns.ts';

export interface RedactTextOptions {
  /** Values known to identify someone in this context (names, MRN, phone of the record being handled). */
  knownValues?: readonly string[];
}

export type TextRedactor = (text: string) => string;

function replaceSpans(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let from = 0;
  for (const [start, end] of spans) {
    out += text.slice(from, start) + REDACTED;
    from = end;
  }
  return out + text.slice(from);
}

/** A redactor for many texts under the same known values (one log object's strings). */
export function textRedactor(options: RedactTextOptions = {}): TextRedactor {
  const findKnown: KnownValueFinder | null = knownValueFinder(options.knownValues ?? []);
  return (text) => {
    // Addresses first: their house number and words would otherwise be split up by the other patterns.
    const redacted = redactSecretRuns(redactPatterns(redactStreetAddresses(text)));
    return findKnown ? replaceSpans(redacted, findKnown(redacted)) : redacted;
  };
}

/**
 * `text` with personal data and secrets replaced by [REDACTED]: SSNs, phone numbers, emails, written dates,
 * bearer tokens and JWTs, long hex and base64 secrets, street addresses, `key=value` pairs whose key names a
 * secret or identity field, URL query values, and any known value in any case or accenting. UUIDs and HLC
 * timestamps are kept. Every written date counts, timestamps included: a birth date looks like any other date.
 */
export function redactText(text: string, options: RedactTextOptions = {}): string {
  return textRedactor(options)(text);
}
