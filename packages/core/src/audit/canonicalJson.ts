/**
 * One JSON text per value, so equal values always hash alike: object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings written as JSON.stringify writes them (as RFC 8785 does for the values audit
 * events hold). Object keys whose value is undefined are left out, as JSON leaves them out. Anything JSON cannot
 * carry without changing it (NaN, Infinity, undefined in an array, bigint, functions, dates, maps, class
 * instances, cycles) is refused rather than quietly rewritten.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

function write(value: unknown, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return writeContainer(value, ancestors);
    default:
      throw new CanonicalJsonError(`A ${typeof value} has no JSON form`);
  }
}

function writeContainer(value: object, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new CanonicalJsonError('A value that contains itself has no JSON form');
  ancestors.add(value);
  const text = Array.isArray(value) ? writeArray(value, ancestors) : writeObject(value, ancestors);
  ancestors.delete(value);
  return text;
}

function writeArray(items: readonly unknown[], ancestors: Set<object>): string {
  let text = '[';
  for (let i = 0; i < items.length; i++) {
    if (items[i] === undefined) throw new CanonicalJsonError(`Array item ${i} is undefined`);
    if (i > 0) text += ',';
    text += write(items[i], ancestors);
  }
  return text + ']';
}

function writeObject(value: object, ancestors: Set<object>): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new CanonicalJsonError('Only plain objects and arrays have a canonical JSON form');
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) text += ',';
    first = false;
    text += JSON.stringify(key) + ':' + write(item, ancestors);
  }
  return text + '}';
}
