import type { Role } from '../../src/auth/roles.ts';
import { findLogin } from '../../src/auth/users.ts';
import type { ServerServices } from '../../src/services.ts';
import { assertApplied } from '../support/assertions.ts';
import { TestClinic, type TestDevice } from '../support/testServer.ts';
import { everyRole, fixturePatient, type AccessFixture } from './procedureAccess.ts';

/**
 * A clinic with one signed-in workstation per role, a patient, and a nurse with a workstation of their own whose
 * account and device the admin procedures act on: what the role matrix and the cross-tenant test call procedures with.
 */
export class AccessClinic {
  private constructor(
    readonly clinic: TestClinic,
    readonly devices: ReadonlyMap<Role, TestDevice>,
    readonly ids: AccessFixture['ids'],
  ) {}

  static async create(services: ServerServices, name: string): Promise<AccessClinic> {
    const clinic = await TestClinic.create(services, name);
    const devices = new Map<Role, TestDevice>();
    for (const role of everyRole) devices.set(role, await clinic.device(role === 'admin' ? clinic.adminEmail : await clinic.addUser(role)));
    const admin = devices.get('admin')!;
    const patient = admin.create('patient', fixturePatient());
    assertApplied((await admin.push([patient])).results[0]);
    const nurseEmail = await clinic.addUser('nurse');
    const target = await findLogin(services.db, nurseEmail);
    if (!target) throw new Error('The target nurse was not created');
    const spare = await clinic.device(nurseEmail);
    return new AccessClinic(clinic, devices, { tenantId: clinic.tenantId, userId: target.userId, patientId: patient.recordId, deviceId: spare.deviceId });
  }

  device(role: Role): TestDevice {
    const device = this.devices.get(role);
    if (!device) throw new Error(`No ${role} workstation`);
    return device;
  }

  /** The fixture for a call by `role` with this clinic's own ids. */
  fixture(role: Role): AccessFixture {
    return { device: this.device(role), ids: this.ids };
  }
}
