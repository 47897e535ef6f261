import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError, GENESIS_HASH, uuidv7, type DeviceChainEntry, type Issue } from '@eonpro/core';
import type { TRPCError } from '@trpc/server';
import { rejectsWithCode } from '../support/assertions.ts';
import { TestClinic, type TestDevice } from '../support/testServer.ts';
import type { SuiteContext } from '../suites/suiteContext.ts';
import { deviceEntries, readChain, verifyTenant } from './auditFixtures.ts';

/** The issues of the AppError behind a refused call. */
function issuesOf(error: TRPCError): Issue[] {
  return error.cause instanceof AppError ? error.cause.issues : [];
}

export function deviceIntakeTests({ services }: SuiteContext): void {
  async function workstation(): Promise<{ clinic: TestClinic; device: TestDevice }> {
    const clinic = await TestClinic.create(services());
    return { clinic, device: await clinic.device() };
  }

  const push = (device: TestDevice, entries: DeviceChainEntry[]) => device.caller.audit.pushDeviceEntries({ deviceId: device.deviceId, entries });

  async function deviceLinkedEntries(clinic: TestClinic) {
    return (await readChain(services(), clinic.tenantId)).filter((entry) => entry.deviceLink !== null);
  }

  describe('audit.pushDeviceEntries', () => {
    it("appends a workstation's entries in arrival order with their device chain and real times intact", async () => {
      const { clinic, device } = await workstation();
      const entries = deviceEntries(clinic.tenantId, device.deviceId, 3);
      const answer = await push(device, entries);
      assert.deepEqual(answer, { appended: 3, alreadyHeld: 0, deviceHead: { seq: 3, hash: entries[2]!.deviceHash } });

      const held = await deviceLinkedEntries(clinic);
      assert.deepEqual(held.map((entry) => entry.deviceLink), entries.map(({ deviceSeq, devicePrevHash, deviceHash }) => ({ deviceSeq, devicePrevHash, deviceHash })));
      assert.deepEqual(held.map((entry) => entry.event.occurredAt), entries.map((entry) => entry.event.occurredAt));
      assert.ok(held.every((entry) => entry.event.recordedAt > entry.event.occurredAt));
      const result = await verifyTenant(services(), clinic.tenantId);
      assert.ok(result.ok && result.devices === 1);
      assert.deepEqual(await device.caller.audit.deviceHead({ deviceId: device.deviceId }), { seq: 3, hash: entries[2]!.deviceHash });
    });

    it('takes a resent batch as already held, and an overlapping one for its new entries only', async () => {
      const { clinic, device } = await workstation();
      const entries = deviceEntries(clinic.tenantId, device.deviceId, 5);
      await push(device, entries.slice(0, 3));
      assert.deepEqual(await push(device, entries.slice(0, 3)), { appended: 0, alreadyHeld: 3, deviceHead: { seq: 3, hash: entries[2]!.deviceHash } });
      assert.deepEqual(await push(device, entries.slice(1)), { appended: 2, alreadyHeld: 2, deviceHead: { seq: 5, hash: entries[4]!.deviceHash } });
      assert.deepEqual((await deviceLinkedEntries(clinic)).map((entry) => entry.deviceLink!.deviceSeq), [1, 2, 3, 4, 5]);
    });

    it('refuses a forked chain, naming the first entry that differs, and takes in nothing', async () => {
      const { clinic, device } = await workstation();
      await push(device, deviceEntries(clinic.tenantId, device.deviceId, 3));
      const held = (await deviceLinkedEntries(clinic)).length;
      const fork = deviceEntries(clinic.tenantId, device.deviceId, 4);
      for (const entries of [fork, fork.slice(1), fork.slice(2)]) {
        const error = await rejectsWithCode(push(device, entries), 'CONFLICT');
        assert.match(error.message, /does not continue/);
        assert.deepEqual(issuesOf(error), [{ path: 'entries[0]', message: `Device entry ${entries[0]!.deviceSeq} differs from the one already held` }]);
      }
      assert.equal((await deviceLinkedEntries(clinic)).length, held);
    });

    it('refuses a gap, a broken link and an entry of another workstation', async () => {
      const { clinic, device } = await workstation();
      const entries = deviceEntries(clinic.tenantId, device.deviceId, 4);
      await push(device, entries.slice(0, 1));
      const gap = await rejectsWithCode(push(device, entries.slice(2)), 'CONFLICT');
      assert.equal(issuesOf(gap)[0]!.path, 'entries[0]');

      const broken = [entries[1]!, { ...entries[2]!, deviceHash: entries[3]!.deviceHash }];
      const link = await rejectsWithCode(push(device, broken), 'CONFLICT');
      assert.equal(issuesOf(link)[0]!.path, 'entries[1]');

      const stranger = deviceEntries(clinic.tenantId, uuidv7(), 1);
      const other = await rejectsWithCode(push(device, stranger), 'CONFLICT');
      assert.match(issuesOf(other)[0]!.message, /another device/);
      assert.equal((await deviceLinkedEntries(clinic)).length, 1);
    });

    it("refuses to speak for another workstation or another clinic's entries", async () => {
      const { clinic, device } = await workstation();
      const otherDevice = uuidv7();
      await rejectsWithCode(device.caller.audit.pushDeviceEntries({ deviceId: otherDevice, entries: deviceEntries(clinic.tenantId, otherDevice, 1) }), 'FORBIDDEN');
      await rejectsWithCode(device.caller.audit.deviceHead({ deviceId: otherDevice }), 'FORBIDDEN');
      const otherClinic = await TestClinic.create(services());
      const error = await rejectsWithCode(push(device, deviceEntries(otherClinic.tenantId, device.deviceId, 1)), 'FORBIDDEN');
      assert.deepEqual(issuesOf(error).map((issue) => issue.path), ['entries[0].event.tenantId']);
      assert.deepEqual(await device.caller.audit.deviceHead({ deviceId: device.deviceId }), { seq: 0, hash: GENESIS_HASH });
    });

    it('refuses a workstation name the database cannot store, with its path', async () => {
      const { clinic, device } = await workstation();
      const entries = deviceEntries(clinic.tenantId, device.deviceId, 1, { workstation: 'Desk\u0000 1' });
      const error = await rejectsWithCode(push(device, entries), 'BAD_REQUEST');
      const [issue] = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
      assert.deepEqual([issue?.path, issue?.message], [['entries', 0, 'event', 'device', 'workstation'], 'Must be plain text without control characters']);
    });
  });
}
