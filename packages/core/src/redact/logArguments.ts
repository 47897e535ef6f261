import { textRedactor } from './redactText.ts';
import { redactValue } from './redactValue.ts';

/** The known values (names, identifiers of the record being handled) that may occur in the given texts. */
export type KnownValuesFinder = (texts: readonly string[]) => string[];

/**
 * A log call's arguments with every message redacted, by pattern and by the known values the finder gives.
 * pino takes an error's own message as the line's message when none is given (`log.error(err)`); that message
 * is made explicit here so it is redacted too.
 */
export function redactLogArguments(args: unknown[], knownValuesIn: KnownValuesFinder): unknown[] {
  const [first, ...rest] = args;
  let explicit = args;
  if (first instanceof Error) explicit = [{ err: first }, ...(rest.length > 0 ? rest : [first.message])];
  else if (rest.length === 0 && typeof first === 'object' && first !== null && (first as { err?: unknown }).err instanceof Error) {
    explicit = [first, (first as { err: Error }).err.message];
  }
  return explicit.map((arg, index) => {
    if (typeof arg === 'string') return textRedactor({ knownValues: knownValuesIn([arg]) })(arg);
    return index === 0 ? arg : redactValue(arg, { knownValues: knownValuesIn(textsOf(arg)) });
  });
}

/** Every string in a logged value, an error's message and stack included. */
export function textsOf(value: unknown, texts: string[] = [], seen = new Set<object>()): string[] {
  if (typeof value === 'string') texts.push(value);
  else if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value);
    if (value instanceof Error) texts.push(value.message, value.stack ?? '');
    for (const item of value instanceof Map || value instanceof Set ? value.values() : Object.values(value)) textsOf(item, texts, seen);
    if (value instanceof Error && value.cause !== undefined) textsOf(value.cause, texts, seen);
  }
  return texts;
}
