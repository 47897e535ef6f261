import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uuidv7 } from '@eonpro/core';
import { rejectsWithCode } from '../support/assertions.ts';
import { callerFor, openTestServices, PASSWORD, signInAs, uniqueEmail } from '../support/testServer.ts';
import type { SuiteContext } from './suiteContext.ts';

export function setupTests({ backend, services }: SuiteContext): void {
  describe('setup', () => {
    it('creates the first clinic and its admin once, then reports the server set up and refuses another', async () => {
      const db = await backend.openDatabase();
      try {
        const freshServices = await openTestServices(db);
        const fresh = callerFor(freshServices);
        assert.deepEqual(await fresh.setup.status(), { needsSetup: true });
        const email = uniqueEmail('owner');
        const created = await fresh.setup.createClinic({ clinicName: 'Riverside Family Practice', adminName: 'Ada Admin', email, password: PASSWORD });
        assert.deepEqual(await fresh.setup.status(), { needsSetup: false });

        const again = await rejectsWithCode(
          fresh.setup.createClinic({ clinicName: 'Second Clinic', adminName: 'Bob', email: uniqueEmail('other'), password: PASSWORD }),
          'CONFLICT',
        );
        assert.match(again.message, /already has a clinic/);

        const session = await signInAs(freshServices, { email, deviceId: uuidv7(), deviceName: 'Desk' });
        assert.equal(session.user.id, created.userId);
        assert.equal(session.user.tenantId, created.tenantId);
        assert.equal(session.user.role, 'admin');
        assert.equal(session.user.tenantName, 'Riverside Family Practice');
      } finally {
        await db.close();
      }
    });

    it('refuses a clinic with a short password or a malformed email, naming each field', async () => {
      const error = await rejectsWithCode(
        callerFor(services()).setup.createClinic({ clinicName: 'Clinic', adminName: 'Ada', email: 'not-an-email', password: 'short' }),
        'BAD_REQUEST',
      );
      const shape = error.cause as { issues?: { path: PropertyKey[] }[] } | undefined;
      const paths = (shape?.issues ?? []).map((issue) => issue.path.join('.'));
      assert.deepEqual(paths.sort(), ['email', 'password']);
    });
  });
}
