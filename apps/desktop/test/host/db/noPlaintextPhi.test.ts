import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { findNamesInFiles } from '../support/phiScan.ts';
import { patientNames, readSyntheaBundles } from '../support/synthea.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { ADMIN, setUpClinicOnHost, signInOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const bundles = readSyntheaBundles();
const names = patientNames(bundles);

describe('a copy of the data folder reveals no patient names', () => {
  let server: TestServer;
  let importer: TestHost;
  let puller: TestHost;
  before(async () => {
    server = await startTestServer();
    importer = await startTestHost(server.url);
    puller = await startTestHost(server.url);
    await setUpClinicOnHost(importer.caller, server, ADMIN);
    await signInOnHost(puller.caller, server, ADMIN);
  });
  after(async () => {
    await importer?.remove();
    await puller?.remove();
    await server?.remove();
  });

  it('the scan finds the names where they are stored in plain text (so a clean result means something)', () => {
    const plain = makeTempDir();
    try {
      const db = new Database(join(plain.dir, 'plain.db'));
      db.exec('CREATE TABLE people (given TEXT, family TEXT)');
      const insert = db.prepare('INSERT INTO people VALUES (?, ?)');
      for (const { given, family } of names) insert.run(given, family);
      db.close();
      const found = new Set(findNamesInFiles(plain.dir, names).map((hit) => hit.needle));
      for (const { given, family } of names) assert.ok(found.has(`${given}${family}`), `${given}${family}`);
    } finally {
      plain.remove();
    }
  });

  it('after importing every Synthea bundle and syncing it to a second workstation, no file of either (database, WAL, logs) holds a name', async () => {
    for (const { fileName, bundle } of bundles) {
      const summary = await importer.caller.imports.bundle({ fileName, bundle });
      assert.equal(summary.ok, true, fileName);
    }
    assert.equal((await importer.host.syncNow()).pending, 0);
    await puller.host.syncNow();
    const { results } = await puller.caller.patients.search({ query: 'Reinger' });
    assert.equal(results.length, 1);
    await importer.stop();
    await puller.stop();
    assert.deepEqual(findNamesInFiles(importer.folder.dir, names), []);
    assert.deepEqual(findNamesInFiles(puller.folder.dir, names), []);
  });
});
