import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CanonicalJsonError, canonicalJson } from './canonicalJson.ts';

/** The same object with its keys inserted in a different order, at every level. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversedKeys(item)]));
}

function shuffledKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffledKeys(item, random));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, shuffledKeys(item, random)]));
}

const sample = {
  tenantId: '0190a6b4-6c1e-7abc-8def-0123456789ab',
  action: 'search',
  actor: { userId: null, role: 'front_desk' },
  detail: { tokens: 2, kind: 'name', exact: false, ranked: [3, 1, 2] },
  nested: { z: { y: { x: [{ b: 1, a: 2 }] } } },
};

describe('canonicalJson', () => {
  it('writes sorted keys and no whitespace', () => {
    assert.equal(
      canonicalJson({ b: 1, a: [true, null, 'x'], c: { e: 0.5, d: -3 } }),
      '{"a":[true,null,"x"],"b":1,"c":{"d":-3,"e":0.5}}',
    );
  });

  it('is the same text whatever order the keys were inserted in', () => {
    const expected = canonicalJson(sample);
    assert.equal(canonicalJson(reversedKeys(sample)), expected);
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 50; i++) assert.equal(canonicalJson(shuffledKeys(sample, random)), expected);
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    const keys = ['b', 'a', 'B', 'aa', 'é', '\u{1F600}', '\uFFFD', ''];
    const object = Object.fromEntries(keys.map((key, i) => [key, i]));
    // U+1F600 is written as surrogates (0xD83D…), which sort before U+FFFD although its code point is higher.
    assert.equal(canonicalJson(object), '{"":7,"B":2,"a":1,"aa":3,"b":0,"é":4,"\u{1F600}":5,"\uFFFD":6}');
  });

  it('writes strings and numbers exactly as JSON.stringify does', () => {
    const values = ['plain', 'quote " and \\ backslash', 'tab\tnew\nline\u0000', 'Zoë 🩺', '\ud800 lone', '\u2028', 0, -0, 1e21, 0.1, -1.5e-7, 2 ** 53];
    for (const value of values) assert.equal(canonicalJson(value), JSON.stringify(value));
  });

  it('leaves out object keys whose value is undefined, as JSON does', () => {
    assert.equal(canonicalJson({ a: 1, b: undefined }), '{"a":1}');
  });

  it('allows the same object twice when it does not contain itself', () => {
    const shared = { a: 1 };
    assert.equal(canonicalJson({ x: shared, y: [shared] }), '{"x":{"a":1},"y":[{"a":1}]}');
  });

  it('refuses values JSON would silently rewrite or cannot carry', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    class Event {
      id = 'x';
    }
    const refused: unknown[] = [
      NaN,
      Infinity,
      [1, undefined],
      10n,
      () => 1,
      Symbol('s'),
      new Date(0),
      new Map(),
      new Event(),
      cyclic,
      undefined,
    ];
    for (const value of refused) assert.throws(() => canonicalJson(value), CanonicalJsonError, String(typeof value));
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as object, { b: 2, a: 1 });
    assert.equal(canonicalJson(bare), '{"a":1,"b":2}');
  });
});
