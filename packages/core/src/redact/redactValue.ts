import { REDACTED } from './redacted.ts';
import { textRedactor, type RedactTextOptions, type TextRedactor } from './redactText.ts';
import { isSensitiveKey } from './sensitiveKeys.ts';

/**
 * Keys whose value is the log line's own timestamp (pino's `time`). Such a value is kept when it is a number or a
 * full ISO timestamp with a time of day; a bare date under the same key is still treated as a possible birth date.
 */
export const timestampKeys: readonly string[] = ['time'];

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

export const CIRCULAR = '[Circular]';

function isLogTimestamp(key: string, value: unknown): boolean {
  if (!timestampKeys.includes(key)) return false;
  return typeof value === 'number' || (typeof value === 'string' && ISO_TIMESTAMP.test(value));
}

/**
 * A copy of `value` safe to log: every value under a sensitive key (see sensitiveKeys.ts) becomes [REDACTED],
 * every other string goes through `redactText`, errors keep their name, code, message and stack (redacted),
 * dates become redacted text, binary data is summarised, and a value that contains itself shows [Circular].
 * Numbers, booleans and null pass unchanged. The input is not modified.
 */
export function redactValue(value: unknown, options: RedactTextOptions = {}): unknown {
  return copy(value, textRedactor(options), new Set());
}

function copy(value: unknown, redact: TextRedactor, ancestors: Set<object>): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value === 'bigint') return redact(value.toString());
  if (typeof value !== 'object' || value === null) return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : redact(value.toISOString());
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[binary ${value.byteLength} bytes]`;
  if (ancestors.has(value)) return CIRCULAR;
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => copy(item, redact, ancestors));
    if (value instanceof Map) return copyEntries([...value.entries()].map(([key, item]) => [String(key), item]), redact, ancestors);
    if (value instanceof Set) return [...value].map((item) => copy(item, redact, ancestors));
    return copyEntries(Object.entries(errorFields(value)), redact, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function copyEntries(entries: Array<[string, unknown]>, redact: TextRedactor, ancestors: Set<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    if (isSensitiveKey(key)) out[key] = REDACTED;
    else if (isLogTimestamp(key, item)) out[key] = item;
    else {
      const copied = copy(item, redact, ancestors);
      if (copied !== undefined) out[key] = copied;
    }
  }
  return out;
}

/** An Error's useful fields are not enumerable; lift them out next to any fields of its own (code, issues…). */
function errorFields(value: object): object {
  if (!(value instanceof Error)) return value;
  const { name, message, stack } = value;
  const cause: unknown = value.cause;
  return { ...value, type: name, message, stack, ...(cause === undefined ? {} : { cause }) };
}
