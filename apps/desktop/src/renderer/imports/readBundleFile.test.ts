import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readBundleFile } from './readBundleFile.ts';

const fixture = new URL('../../../../../../shared/fixtures/synthea/Edward_Gulgowski_43481611-2459-44f5-ab20-4b142dac160f.json', import.meta.url);

describe('readBundleFile', () => {
  it('reads a Synthea bundle file as JSON', async () => {
    const file = new File([await readFile(fixture)], 'Edward.json', { type: 'application/json' });
    const read = await readBundleFile(file);
    assert.equal(read.ok, true);
    assert.equal(read.ok && (read.bundle as { resourceType: string }).resourceType, 'Bundle');
  });

  it('refuses a file that is not JSON with a summary that names the file and quotes none of it', async () => {
    const file = new File(['{"resourceType": "Bundle", "entry": [ Ima Reinger'], 'broken.json');
    const read = await readBundleFile(file);
    assert.equal(read.ok, false);
    if (read.ok) return;
    assert.equal(read.summary.fileName, 'broken.json');
    assert.equal(read.summary.ok, false);
    assert.equal(read.summary.patientsImported, 0);
    assert.equal(read.summary.issues.length, 1);
    assert.match(read.summary.issues[0]!.message, /not valid JSON/);
    assert.doesNotMatch(JSON.stringify(read.summary), /Reinger/);
  });
});
