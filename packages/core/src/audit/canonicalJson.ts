/**
 * One JSON text per value, so equal values always hash alike: object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings written as JSON.stringify writes them (as RFC 8785 does for the values audit
 * events hold). Object keys whose value is undefined are left out, as JSON leaves them out. Anything JSON cannot
 * carry without changing it (NaN, Infinity, undefined in an array, bigint, functions, dates, maps, class
 * instances, cycles) is refused rather than quietly rewritten.
 *
 * Written for speed: verifying a chain serialises every entry again.
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

/** Deeper than any audit event nests; a value that contains itself reaches it too, and is refused there. */
const MAX_DEPTH = 100;

/** Whether JSON.stringify would escape anything: controls, quote, backslash, or a surrogate (escaped when lone). */
function needsEscaping(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return true;
  }
  return false;
}

export function writeString(text: string): string {
  return needsEscaping(text) ? JSON.stringify(text) : `"${text}"`;
}

function write(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return writeString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} has no JSON form`);
      return String(value);
    case 'object':
      if (value === null) return 'null';
      if (depth >= MAX_DEPTH) throw new CanonicalJsonError(`Nested deeper than ${MAX_DEPTH} levels, or contains itself`);
      return Array.isArray(value) ? writeArray(value, depth + 1) : writeObject(value, depth + 1);
    default:
      throw new CanonicalJsonError(`A ${typeof value} has no JSON form`);
  }
}

function writeArray(items: readonly unknown[], depth: number): string {
  let text = '[';
  for (let i = 0; i < items.length; i++) {
    if (items[i] === undefined) throw new CanonicalJsonError(`Array item ${i} is undefined`);
    if (i > 0) text += ',';
    text += write(items[i], depth);
  }
  return text + ']';
}

function writeObject(value: object, depth: number): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new CanonicalJsonError('Only plain objects and arrays have a canonical JSON form');
  }
  const record = value as Record<string, unknown>;
  const keys = sortedKeys(record);
  let text = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += writeString(key) + ':' + write(item, depth);
  }
  return text + '}';
}

/** Insertion sort by UTF-16 code units: objects here have few keys, where it beats Array.prototype.sort. */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}
