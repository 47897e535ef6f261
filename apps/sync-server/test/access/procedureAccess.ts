/**
 * Who may call each sync-server procedure: the role × procedure matrix. The matrix test (suites/roleMatrix.ts)
 * enumerates the router and fails for a procedure without a row here, or a row without a procedure; the
 * cross-tenant test (suites/isolation.ts) reuses each row's input with another clinic's ids. A new procedure
 * needs one row: the roles allowed past its role check (or 'public') and a valid-shaped input.
 */
import { SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION, uuidv7 } from '@eonpro/core';
import type { Role } from '../../src/auth/roles.ts';
import { deviceEntries } from '../audit/auditFixtures.ts';
import { patientFields, PASSWORD, uniqueEmail, type TestDevice } from '../support/testServer.ts';
import { WorkstationKey } from '../support/workstationKey.ts';

/** What an input is made from: the calling workstation, and ids of records in some clinic. */
export interface AccessFixture {
  /** The caller's own signed-in workstation. */
  device: TestDevice;
  /**
   * A clinic's ids: the caller's own clinic in the matrix test, another clinic's in the cross-tenant test. The user
   * is a nurse and the device a spare workstation of theirs: procedures that change them harm no caller.
   */
  ids: { tenantId: string; userId: string; patientId: string; deviceId: string };
}

export interface ProcedureAccess {
  /** The roles a call gets past the role check with; 'public' for procedures that need no sign-in. */
  allowed: readonly Role[] | 'public';
  input: (fixture: AccessFixture) => unknown;
}

export const everyRole: readonly Role[] = ['front_desk', 'nurse', 'prescriber', 'admin', 'auditor'];
const clinicalWriters: readonly Role[] = ['front_desk', 'nurse', 'prescriber', 'admin'];
const auditReaders: readonly Role[] = ['admin', 'auditor'];
const admins: readonly Role[] = ['admin'];

const noInput = () => undefined;
const versions = { protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SYNC_SCHEMA_VERSION };

export const procedureAccess: Record<string, ProcedureAccess> = {
  health: { allowed: 'public', input: noInput },
  'setup.status': { allowed: 'public', input: noInput },
  'setup.createClinic': {
    allowed: 'public',
    input: () => ({ clinicName: 'Second Clinic', adminName: 'Ada Admin', email: uniqueEmail('setup'), password: PASSWORD }),
  },
  'auth.signIn': { allowed: 'public', input: () => ({ email: uniqueEmail('nobody'), password: PASSWORD, deviceId: uuidv7(), deviceName: 'Desk PC' }) },
  'auth.completeMfa': { allowed: 'public', input: ({ ids }) => ({ challengeToken: `${ids.tenantId}.not-a-challenge`, code: '123456' }) },
  'auth.beginMfaEnrolment': { allowed: 'public', input: ({ ids }) => ({ challengeToken: `${ids.tenantId}.not-a-challenge` }) },
  'auth.confirmMfaEnrolment': { allowed: 'public', input: ({ ids }) => ({ challengeToken: `${ids.tenantId}.not-a-challenge`, code: '123456' }) },
  'auth.refresh': {
    allowed: 'public',
    input: ({ device, ids }) => ({ refreshToken: `${ids.tenantId}.not-a-token`, deviceProof: WorkstationKey.of(device.deviceId).proof('refresh', `${ids.tenantId}.not-a-token`) }),
  },
  'auth.signOut': { allowed: 'public', input: ({ ids }) => ({ refreshToken: `${ids.tenantId}.not-a-token` }) },

  'sync.push': {
    allowed: clinicalWriters,
    input: ({ device, ids }) => ({
      ...versions,
      deviceId: device.deviceId,
      mutations: [device.update('patient', ids.patientId, { phone: '555-0199' }, device.clock.tick())],
    }),
  },
  'sync.pull': { allowed: everyRole, input: () => ({ ...versions, cursor: 0 }) },
  'import.bundle': { allowed: admins, input: () => ({ fileName: 'empty.json', bundle: { resourceType: 'Bundle', type: 'collection', entry: [] } }) },

  'audit.pushDeviceEntries': {
    allowed: everyRole,
    input: ({ device, ids }) => ({ deviceId: device.deviceId, entries: deviceEntries(ids.tenantId, device.deviceId, 1) }),
  },
  'audit.deviceHead': { allowed: everyRole, input: ({ device }) => ({ deviceId: device.deviceId }) },
  'audit.verify': { allowed: auditReaders, input: () => ({}) },
  'audit.checkpoint': { allowed: admins, input: () => ({}) },
  'audit.search': { allowed: auditReaders, input: ({ ids }) => ({ userId: ids.userId, patientId: ids.patientId }) },
  'audit.exportCsv': { allowed: auditReaders, input: ({ ids }) => ({ userId: ids.userId, patientId: ids.patientId }) },
  'audit.breakGlassReviews': { allowed: auditReaders, input: ({ ids }) => ({ userId: ids.userId, patientId: ids.patientId }) },

  'devices.list': { allowed: admins, input: noInput },
  // The fixture's device is a spare workstation (of the fixture's nurse), never the caller's own.
  'devices.approve': { allowed: admins, input: ({ ids }) => ({ deviceId: ids.deviceId }) },
  'devices.revoke': { allowed: admins, input: ({ ids }) => ({ deviceId: ids.deviceId, reason: 'Matrix test' }) },
  'devices.registrationStatus': {
    allowed: 'public',
    // Signed by the caller's own key: asking about a workstation one does not hold.
    input: ({ device, ids }) => ({ tenantId: ids.tenantId, deviceId: ids.deviceId, deviceProof: WorkstationKey.of(device.deviceId).proof('registration-status', ids.deviceId) }),
  },

  'mfa.status': { allowed: everyRole, input: noInput },
  'mfa.beginEnrolment': { allowed: everyRole, input: noInput },
  'mfa.confirmEnrolment': { allowed: everyRole, input: () => ({ code: '123456' }) },
  'mfa.reset': { allowed: admins, input: ({ ids }) => ({ userId: ids.userId }) },

  'policy.get': { allowed: everyRole, input: noInput },
  'policy.update': { allowed: admins, input: () => ({ idleLockMinutes: 10 }) },

  'users.me': { allowed: everyRole, input: noInput },
  'users.list': { allowed: admins, input: noInput },
  'users.create': { allowed: admins, input: () => ({ name: 'New Nurse', email: uniqueEmail('new'), role: 'nurse', password: PASSWORD }) },
  // The fixture's user is a nurse: both leave them as they are.
  'users.setRole': { allowed: admins, input: ({ ids }) => ({ userId: ids.userId, role: 'nurse' }) },
  'users.setActive': { allowed: admins, input: ({ ids }) => ({ userId: ids.userId, active: true }) },
};

/** A patient record as a fixture's patient. */
export const fixturePatient = () => patientFields({ givenName: 'Matrix', familyName: 'Fixture' });
