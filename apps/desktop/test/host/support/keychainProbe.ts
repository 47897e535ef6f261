/**
 * Run inside a D-Bus session with an unlocked secret service (see keychainKeyProvider.test.ts):
 * picks the key provider as the host does, opens the store, registers a patient, prints what happened as JSON.
 */
import { prepareDataFolder } from '../../../src/host/dataFolder.ts';
import { chooseKeyProvider } from '../../../src/host/keys/chooseKeyProvider.ts';
import { KeychainKeyProvider } from '../../../src/host/keys/keychainKeyProvider.ts';
import { registerPatient } from '../../../src/host/local/patients.ts';
import { readPatientsByBirthDate } from '../../../src/host/db/readers.ts';
import { patientInput } from './patients.ts';
import { openBoundStore } from './testStore.ts';

const folder = prepareDataFolder(process.argv[2]!);
const provider = await chooseKeyProvider(folder);
const key = await provider.getDatabaseKey();
const store = openBoundStore(folder.databasePath, key);
const before = readPatientsByBirthDate(store.db, '1980-05-17', 50).length;
registerPatient(store, { userId: store.deviceId }, patientInput());
store.close();
process.stdout.write(
  JSON.stringify({ keychain: provider instanceof KeychainKeyProvider, keyHex: key.toString('hex'), patientsBefore: before }),
);
