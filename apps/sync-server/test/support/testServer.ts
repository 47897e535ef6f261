import { randomBytes } from 'node:crypto';
import {
  AppError,
  HybridClock,
  SYNC_PROTOCOL_VERSION,
  SYNC_SCHEMA_VERSION,
  uuidv7,
  type DeviceProof,
  type EntityName,
  type Hlc,
  type Mutation,
  type MutationOp,
  type PullResponse,
  type PushResponse,
} from '@eonpro/core';
import { pino } from 'pino';
import type { Role } from '../../src/auth/roles.ts';
import type { Session } from '../../src/auth/session.ts';
import { createUser } from '../../src/auth/users.ts';
import type { Database } from '../../src/db/database.ts';
import { appRouter } from '../../src/routers/root.ts';
import { MasterKeyRing } from '../../src/keys/masterKeyRing.ts';
import { prepareServices, type ServerServices } from '../../src/services.ts';
import { createClinic } from '../../src/tenancy/createClinic.ts';
import { createCallerFactory, createContext } from '../../src/trpc.ts';
import { authenticatorOf, finishSignIn } from './authenticator.ts';
import { WorkstationKey } from './workstationKey.ts';

export const PASSWORD = 'correct horse battery staple';
const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

/** The services of a test database, reading the clock of the suite's TestAuthenticator. */
/** One master key per test process, so a database folder reopened by a test still opens its keys. */
const TEST_MASTER_KEY = MasterKeyRing.generate();

export async function openTestServices(db: Database): Promise<ServerServices> {
  const services = await prepareServices(db, pino({ level: 'silent' }), TEST_MASTER_KEY);
  authenticatorOf(services);
  return services;
}

/** A caller as over HTTP, with or without an access token. */
export function callerFor(services: ServerServices, accessToken?: string): Caller {
  return createCaller(createContext(services, { authorization: accessToken ? `Bearer ${accessToken}` : null }));
}

export const uniqueEmail = (label: string) => `${label}.${randomBytes(4).toString('hex')}@clinic.test`;

/** A clinic of its own for one test, so tests share a database but never each other's data. */
export class TestClinic {
  private constructor(
    readonly services: ServerServices,
    readonly tenantId: string,
    readonly adminEmail: string,
  ) {}

  static async create(services: ServerServices, name = 'Test Clinic'): Promise<TestClinic> {
    const adminEmail = uniqueEmail('admin');
    const { tenantId } = await createClinic(services.db, { clinicName: name, adminName: 'Ada Admin', email: adminEmail, password: PASSWORD });
    return new TestClinic(services, tenantId, adminEmail);
  }

  async addUser(role: Role): Promise<string> {
    const email = uniqueEmail(role);
    await createUser(this.services.db, this.tenantId, { name: `Test ${role}`, email, role, password: PASSWORD });
    return email;
  }

  /**
   * Signs a user in on a new workstation, through the second step (setting up the authenticator) where asked. The
   * clinic's first workstation is approved by its admin's sign-in; later ones wait until an admin approves them
   * (devices.approve, from the admin's own workstation), then sign in again.
   */
  async device(email = this.adminEmail): Promise<TestDevice> {
    const deviceId = uuidv7();
    const session = await signInAs(this.services, { email, deviceId }).catch(async (error: unknown) => {
      if (!isDevicePending(error) || this.approving) throw error;
      await (await this.approver()).caller.devices.approve({ deviceId });
      return signInAs(this.services, { email, deviceId });
    });
    const device = new TestDevice(this.services, deviceId, session);
    if (session.user.role === 'admin') this.approverDevice ??= Promise.resolve(device);
    return device;
  }

  private approverDevice: Promise<TestDevice> | null = null;
  private approving = false;

  /** An admin's approved workstation that approves the others: the clinic's first, approved by the bootstrap rule. */
  approver(): Promise<TestDevice> {
    if (!this.approverDevice) {
      this.approving = true;
      this.approverDevice = this.device(this.adminEmail).finally(() => {
        this.approving = false;
      });
    }
    return this.approverDevice;
  }
}

/**
 * Signs in as a person would: the password, then, if the server asks, a code from their authenticator, or first
 * setting one up with the secret it hands out (kept by the suite's TestAuthenticator for later sign-ins).
 */
export async function signInAs(services: ServerServices, account: { email: string; deviceId: string; password?: string; deviceName?: string }): Promise<Session> {
  const caller = callerFor(services);
  const answer = await caller.auth.signIn({
    email: account.email,
    password: account.password ?? PASSWORD,
    deviceId: account.deviceId,
    deviceName: account.deviceName ?? 'Front desk PC',
    ...WorkstationKey.of(account.deviceId).signInFields(account.email),
  });
  return finishSignIn<Session>(caller.auth, authenticatorOf(services), account.email, answer);
}

/** A signed-in workstation: numbers its mutations like an outbox and stamps fields with its own clock. */
export class TestDevice {
  readonly clock: HybridClock;
  readonly caller: Caller;
  private seq = 0;

  constructor(
    services: ServerServices,
    readonly deviceId: string,
    readonly session: Session,
  ) {
    this.clock = new HybridClock(deviceId);
    this.caller = callerFor(services, session.accessToken);
  }

  mutation(entity: EntityName, op: MutationOp, recordId: string, fields: Record<string, unknown>, baseRev: Hlc | null): Mutation {
    const rev = this.clock.tick();
    return {
      mutationId: uuidv7(),
      deviceId: this.deviceId,
      seq: ++this.seq,
      entity,
      recordId,
      op,
      fields,
      fieldRevs: Object.fromEntries(Object.keys(fields).map((field) => [field, rev])),
      baseRev,
      madeAt: new Date().toISOString(),
    };
  }

  create(entity: EntityName, fields: Record<string, unknown>, recordId = uuidv7()): Mutation {
    return this.mutation(entity, 'create', recordId, fields, null);
  }

  update(entity: EntityName, recordId: string, fields: Record<string, unknown>, baseRev: Hlc): Mutation {
    return this.mutation(entity, 'update', recordId, fields, baseRev);
  }

  /** What auth.refresh needs to trade `refreshToken`: the token and this workstation's proof bound to it. */
  refreshInput(refreshToken = this.session.refreshToken): { refreshToken: string; deviceProof: DeviceProof } {
    return { refreshToken, deviceProof: WorkstationKey.of(this.deviceId).proof('refresh', refreshToken) };
  }

  push(mutations: Mutation[], deviceId = this.deviceId): Promise<PushResponse> {
    return this.caller.sync.push({ protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SYNC_SCHEMA_VERSION, deviceId, mutations });
  }

  pull(cursor = 0, limit?: number): Promise<PullResponse> {
    return this.caller.sync.pull({ protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SYNC_SCHEMA_VERSION, cursor, ...(limit ? { limit } : {}) });
  }

  /** Pulls every page from the start: the tenant's records by id. */
  async pullAll(): Promise<Map<string, PullResponse['changes'][number]>> {
    const records = new Map<string, PullResponse['changes'][number]>();
    let cursor = 0;
    for (;;) {
      const page = await this.pull(cursor);
      for (const change of page.changes) records.set(change.id, change);
      cursor = page.cursor;
      if (!page.hasMore) return records;
    }
  }
}

export function patientFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    mrn: `MRN-${randomBytes(3).toString('hex')}`,
    givenName: 'Maria',
    familyName: 'Lopez',
    birthDate: '1980-04-12',
    sex: 'female',
    phone: '555-0100',
    city: 'Springfield',
    ...overrides,
  };
}

export function allergyFields(patientId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { patientId, substance: 'Penicillin', status: 'active', criticality: 'high', recordedDate: '2024-01-05', ...overrides };
}

export function isDevicePending(error: unknown): boolean {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof AppError && cause.code === 'DEVICE_PENDING';
}
