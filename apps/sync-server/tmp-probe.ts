import { pgliteBackend } from './test/support/backends.ts';
import { openTestServices } from './test/support/testServer.ts';
const db = await pgliteBackend.openDatabase();
await openTestServices(db);
console.log(await db.query(`select c.relname, c.relacl::text, pg_get_userbyid(c.relowner) owner, has_table_privilege('eonpro_app', c.oid, 'select') s, has_table_privilege('eonpro_app', c.oid, 'insert') i, has_table_privilege('eonpro_app', c.oid, 'update') u, has_table_privilege('eonpro_app', c.oid, 'delete') d from pg_class c where relname in ('user_logins','tenants','signing_keys','users')`));
await db.close();
