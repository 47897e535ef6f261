import { describe, it, before } from 'node:test';
import { pgliteBackend } from './support/backends.ts';
import { openTestServices, TestClinic } from './support/testServer.ts';
import { AccessClinic } from './access/accessClinic.ts';
describe('probe', () => {
  it('makes clinics', async () => {
    console.log('start');
    const db = await pgliteBackend.openDatabase();
    const s = await openTestServices(db);
    console.log('svc');
    const c = await TestClinic.create(s);
    console.log('clinic');
    const d = await c.device();
    console.log('device');
    const e = await c.addUser('nurse');
    const n = await c.device(e);
    console.log('nurse device');
    const a = await AccessClinic.create(s, 'X');
    console.log('access clinic');
    await db.close();
  });
});
