import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import sqlcipher from '@journeyapps/sqlcipher';
import { recordEntry } from '../../../src/host/local/clinicalEntries.ts';
import { registerPatient } from '../../../src/host/local/patients.ts';
import { patientInput } from '../support/patients.ts';
import { openTestStore, type TestStore } from '../support/testStore.ts';

/** Opens the file with SQLCipher's own Node binding, in SQLCipher 4 mode, and runs one query. */
function queryWithSqlcipher(path: string, keyPragma: string | null, sql: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlcipher.Database(path, sqlcipher.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError);
      db.serialize(() => {
        db.run('PRAGMA cipher_compatibility = 4');
        if (keyPragma) db.run(keyPragma);
        db.all(sql, (error, rows) => db.close(() => (error ? reject(error) : resolve(rows))));
      });
    });
  });
}

describe('SQLCipher 4 interoperability', () => {
  let t: TestStore;
  let patientId: string;
  before(() => {
    t = openTestStore();
    patientId = registerPatient(t.store, t.actor, patientInput({ givenName: 'Interop', familyName: 'Checkperson', mrn: 'IOP-1' })).id;
    recordEntry(t.store, t.actor, 'allergy', { patientId, substance: 'Sulfa', status: 'active', recordedDate: '2024-03-04' });
    t.store.close();
  });
  after(() => t.cleanup());

  it('a database the host wrote opens with @journeyapps/sqlcipher and the raw key, and its rows read back', async () => {
    const key = `PRAGMA key = "x'${t.key.toString('hex')}'"`;
    const patients = await queryWithSqlcipher(t.folder.databasePath, key, 'SELECT id, given_name, family_name, mrn FROM patients');
    assert.deepEqual(patients, [{ id: patientId, given_name: 'Interop', family_name: 'Checkperson', mrn: 'IOP-1' }]);
    const allergies = await queryWithSqlcipher(t.folder.databasePath, key, 'SELECT patient_id, substance FROM allergies');
    assert.deepEqual(allergies, [{ patient_id: patientId, substance: 'Sulfa' }]);
  });

  it('with a wrong key it cannot be read', async () => {
    const wrong = `PRAGMA key = "x'${randomBytes(32).toString('hex')}'"`;
    await assert.rejects(queryWithSqlcipher(t.folder.databasePath, wrong, 'SELECT count(*) FROM patients'), /file is not a database/);
  });

  it('without a key it cannot be read', async () => {
    await assert.rejects(queryWithSqlcipher(t.folder.databasePath, null, 'SELECT count(*) FROM patients'), /file is not a database/);
  });
});
