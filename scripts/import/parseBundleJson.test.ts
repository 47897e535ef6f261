import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBundleJson } from './parseBundleJson.ts';

describe('parseBundleJson', () => {
  it('parses a bundle, with or without a byte-order mark', () => {
    assert.deepEqual(parseBundleJson('{"resourceType":"Bundle"}'), { ok: true, bundle: { resourceType: 'Bundle' } });
    assert.deepEqual(parseBundleJson('\uFEFF{"resourceType":"Bundle"}'), { ok: true, bundle: { resourceType: 'Bundle' } });
  });

  it('says where the JSON breaks without quoting the text around it', () => {
    const canary = 'Qzxcanaryname';
    const result = parseBundleJson(`{\n  "name": "${canary}" oops\n}`);
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.issue, { path: '', message: 'Not valid JSON at line 2, column 27' });
  });

  it('says a truncated or empty file ends too early', () => {
    for (const text of ['{"resourceType": "Bundle", "entry": [', '', '  ']) {
      const result = parseBundleJson(text);
      assert.deepEqual(!result.ok && result.issue, { path: '', message: 'Not valid JSON: the file ends too early' });
    }
  });
});
