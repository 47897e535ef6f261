import assert from 'node:assert/strict';
import { hash as nodeHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { genesisHead, type ChainHead, type HashFunction } from './chainHash.ts';
import type { ChainBreak, ChainVerification } from './chainVerification.ts';
import { appendDeviceBatch, type DeviceBatchAppended } from './deviceIntake.ts';
import {
  appendToDeviceChain,
  deviceChainEntrySchema,
  deviceChainOf,
  deviceHeadOf,
  verifyDeviceChain,
  type DeviceChainEntry,
} from './deviceChain.ts';
import { appendToChain, chainHeadOf, verifyChain, type AuditChainEntry } from './tenantChain.ts';
import { auditEvent, deviceEvent, eventContext, type EventContext } from './testEvents.ts';

const hash: HashFunction = (message) => nodeHash('sha256', message, 'hex');

/** What a desktop writes while it works, offline or not. */
function recordOnDevice(context: EventContext, count: number, head: ChainHead = genesisHead, firstN = 0): DeviceChainEntry[] {
  const entries: DeviceChainEntry[] = [];
  for (let n = firstN; n < firstN + count; n++) {
    const entry = appendToDeviceChain(head, deviceEvent(context, n), hash);
    entries.push(entry);
    head = deviceHeadOf(entry);
  }
  return entries;
}

function appended(result: DeviceBatchAppended | ChainBreak): DeviceBatchAppended {
  assert.equal(result.ok, true, result.ok ? '' : result.message);
  return result as DeviceBatchAppended;
}

function assertBroken(result: ChainVerification | DeviceBatchAppended, expected: Partial<ChainBreak>): void {
  assert.equal(result.ok, false, 'expected a break');
  for (const [key, value] of Object.entries(expected)) assert.deepEqual((result as ChainBreak)[key as keyof ChainBreak], value, key);
}

/** A tenant chain holding two devices' pushes interleaved with the server's own events. */
function twoDeviceTenantChain() {
  const tenant = eventContext();
  const deskA = { ...tenant, deviceId: eventContext().deviceId };
  const deskB = { ...tenant, deviceId: eventContext().deviceId };
  const fromA = recordOnDevice(deskA, 30);
  const fromB = recordOnDevice(deskB, 20);
  let tenantHead = genesisHead;
  const tenantChain: AuditChainEntry[] = [];
  const heads = new Map<string, ChainHead>([[deskA.deviceId, genesisHead], [deskB.deviceId, genesisHead]]);
  const push = (deviceId: string, entries: DeviceChainEntry[]) => {
    const result = appended(
      appendDeviceBatch({ tenantHead, deviceId, deviceHead: heads.get(deviceId)!, entries, recordedAt: '2024-06-01T09:00:00.000Z' }, hash),
    );
    tenantChain.push(...result.appended);
    tenantHead = result.tenantHead;
    heads.set(deviceId, result.deviceHead);
  };
  const serverEvent = (n: number) => {
    const entry = appendToChain(tenantHead, { ...auditEvent(tenant, n), device: { deviceId: null, workstation: 'sync-server' } }, hash);
    tenantChain.push(entry);
    tenantHead = chainHeadOf(entry);
  };
  push(deskA.deviceId, fromA.slice(0, 10));
  serverEvent(100);
  push(deskB.deviceId, fromB.slice(0, 12));
  push(deskA.deviceId, fromA.slice(10));
  serverEvent(101);
  push(deskB.deviceId, fromB.slice(12));
  return { tenantChain, deskA, deskB, fromA, fromB, heads };
}

describe('device audit chain', () => {
  it('verifies a device chain recorded offline', () => {
    const entries = recordOnDevice(eventContext(), 500);
    assert.deepEqual(verifyDeviceChain(entries, hash), { ok: true, length: 500, head: entries.at(-1)!.deviceHash, vouchedThrough: 0 });
    for (const entry of entries) assert.equal(deviceChainEntrySchema.safeParse(entry).success, true);
  });

  it('detects each kind of tampering on the device and names the first broken link', () => {
    const entries = recordOnDevice(eventContext(), 50);
    const edited = structuredClone(entries);
    edited[10]!.event.outcome = 'denied';
    assertBroken(verifyDeviceChain(edited, hash), { reason: 'hash-mismatch', firstBrokenIndex: 10, entryId: entries[10]!.event.id });
    assertBroken(verifyDeviceChain(entries.filter((_, i) => i !== 20), hash), { reason: 'sequence-gap', firstBrokenIndex: 20, seq: 21 });
    const swapped = [...entries];
    [swapped[30], swapped[31]] = [swapped[31]!, swapped[30]!];
    assertBroken(verifyDeviceChain(swapped, hash), { reason: 'out-of-order', firstBrokenIndex: 30 });
    assertBroken(verifyDeviceChain(entries.slice(0, 40), hash, { knownHead: deviceHeadOf(entries[44]!) }), {
      reason: 'truncated',
      firstBrokenIndex: 40,
      entryId: null,
    });
  });

  describe('taken into the tenant chain', () => {
    it('keeps both chains intact: the tenant chain and each device chain inside it verify', () => {
      const { tenantChain, deskA, deskB, fromA, fromB, heads } = twoDeviceTenantChain();
      assert.equal(tenantChain.length, 52);
      assert.equal(verifyChain(tenantChain, hash).ok, true);
      const chainA = deviceChainOf(tenantChain, deskA.deviceId);
      const chainB = deviceChainOf(tenantChain, deskB.deviceId);
      assert.deepEqual(chainA, fromA);
      assert.deepEqual(chainB, fromB);
      assert.equal(verifyDeviceChain(chainA, hash, { knownHead: heads.get(deskA.deviceId)! }).ok, true);
      assert.equal(verifyDeviceChain(chainB, hash, { knownHead: heads.get(deskB.deviceId)! }).ok, true);
    });

    it('keeps the offline occurredAt and stamps the server recordedAt', () => {
      const { tenantChain, fromA } = twoDeviceTenantChain();
      const first = tenantChain[0]!;
      assert.equal(first.event.occurredAt, fromA[0]!.event.occurredAt);
      assert.equal(first.event.recordedAt, '2024-06-01T09:00:00.000Z');
      assert.deepEqual(first.deviceLink, { deviceSeq: 1, devicePrevHash: fromA[0]!.devicePrevHash, deviceHash: fromA[0]!.deviceHash });
    });

    it('catches the server rewriting a device event, even with the tenant chain re-hashed', () => {
      const { tenantChain, deskA } = twoDeviceTenantChain();
      const rewritten: AuditChainEntry[] = [];
      let head = genesisHead;
      for (const [i, entry] of tenantChain.entries()) {
        const event = i === 5 ? { ...entry.event, patientId: null } : entry.event;
        const copy = appendToChain(head, event, hash, entry.deviceLink);
        rewritten.push(copy);
        head = chainHeadOf(copy);
      }
      assert.equal(verifyChain(rewritten, hash).ok, true);
      assertBroken(verifyDeviceChain(deviceChainOf(rewritten, deskA.deviceId), hash), {
        reason: 'hash-mismatch',
        firstBrokenIndex: 5,
        entryId: tenantChain[5]!.event.id,
      });
    });

    it('catches the server dropping a device event, even with the tenant chain re-hashed', () => {
      const { tenantChain, deskB } = twoDeviceTenantChain();
      const victim = tenantChain.findIndex((entry) => entry.event.device.deviceId === deskB.deviceId && entry.deviceLink?.deviceSeq === 4);
      const rewritten: AuditChainEntry[] = [];
      let head = genesisHead;
      for (const entry of tenantChain.filter((_, i) => i !== victim)) {
        const copy = appendToChain(head, entry.event, hash, entry.deviceLink);
        rewritten.push(copy);
        head = chainHeadOf(copy);
      }
      assert.equal(verifyChain(rewritten, hash).ok, true);
      assertBroken(verifyDeviceChain(deviceChainOf(rewritten, deskB.deviceId), hash), { reason: 'sequence-gap', firstBrokenIndex: 3, seq: 4 });
    });
  });

  describe('appendDeviceBatch', () => {
    const desk = eventContext();
    const recorded = recordOnDevice(desk, 20);
    const first = appended(appendDeviceBatch({ tenantHead: genesisHead, deviceId: desk.deviceId, deviceHead: genesisHead, entries: recorded.slice(0, 8), recordedAt: '2024-06-01T09:00:00.000Z' }, hash));

    it('skips the entries a retried push repeats and appends only the new ones', () => {
      const retried = appended(
        appendDeviceBatch(
          { tenantHead: first.tenantHead, deviceId: desk.deviceId, deviceHead: first.deviceHead, entries: recorded.slice(0, 12), recordedAt: '2024-06-01T09:05:00.000Z' },
          hash,
        ),
      );
      assert.equal(retried.alreadyHeld, 8);
      assert.deepEqual(retried.appended.map((entry) => entry.deviceLink?.deviceSeq), [9, 10, 11, 12]);
      assert.deepEqual(retried.deviceHead, deviceHeadOf(recorded[11]!));
      assert.equal(verifyChain([...first.appended, ...retried.appended], hash).ok, true);
    });

    it('takes a batch of nothing new as a no-op', () => {
      const again = appended(
        appendDeviceBatch({ tenantHead: first.tenantHead, deviceId: desk.deviceId, deviceHead: first.deviceHead, entries: recorded.slice(0, 8), recordedAt: '2024-06-01T09:05:00.000Z' }, hash),
      );
      assert.deepEqual(again, { ok: true, appended: [], alreadyHeld: 8, tenantHead: first.tenantHead, deviceHead: first.deviceHead });
    });

    it('refuses a batch with a missing entry and appends nothing', () => {
      const withGap = [...recorded.slice(8, 10), ...recorded.slice(11, 14)];
      assertBroken(
        appendDeviceBatch({ tenantHead: first.tenantHead, deviceId: desk.deviceId, deviceHead: first.deviceHead, entries: withGap, recordedAt: '2024-06-01T09:05:00.000Z' }, hash),
        { reason: 'sequence-gap', firstBrokenIndex: 2, seq: 11 },
      );
    });

    it('refuses a batch that does not continue what the server holds (a device restored from an old copy)', () => {
      const fork = recordOnDevice(desk, 5, deviceHeadOf(recorded[6]!), 100);
      assertBroken(
        appendDeviceBatch(
          { tenantHead: first.tenantHead, deviceId: desk.deviceId, deviceHead: first.deviceHead, entries: fork, recordedAt: '2024-06-01T09:05:00.000Z' },
          hash,
        ),
        { reason: 'hash-mismatch', firstBrokenIndex: 0, seq: 8, entryId: fork[0]!.event.id },
      );
      const sameLengthFork = recordOnDevice(desk, 9, genesisHead, 200).slice(8);
      assertBroken(
        appendDeviceBatch(
          { tenantHead: first.tenantHead, deviceId: desk.deviceId, deviceHead: first.deviceHead, entries: sameLengthFork, recordedAt: '2024-06-01T09:05:00.000Z' },
          hash,
        ),
        { reason: 'prev-mismatch', firstBrokenIndex: 0, seq: 9 },
      );
    });

    it('refuses entries that name another device than the one pushing', () => {
      const other = eventContext();
      const entries = recorded.slice(8, 12).map((entry, i) => (i === 2 ? { ...entry, event: { ...entry.event, device: { ...entry.event.device, deviceId: other.deviceId } } } : entry));
      assertBroken(
        appendDeviceBatch({ tenantHead: first.tenantHead, deviceId: desk.deviceId, deviceHead: first.deviceHead, entries, recordedAt: '2024-06-01T09:05:00.000Z' }, hash),
        { reason: 'device-mismatch', firstBrokenIndex: 2, seq: 11 },
      );
    });
  });
});
