import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ChainBreak, ChainVerification, DeviceChainEntry } from '@eonpro/core';
import { readAuditHeads, saveAcknowledgedHead } from '../../../src/host/audit/auditRows.ts';
import { verifyLocalAuditChain } from '../../../src/host/audit/verifyLocalAuditChain.ts';
import { openTestStore, type TestStore } from '../support/testStore.ts';
import { allEntries, forgeEntries, insertRaw, recordWorkday, tamper } from './tamper.ts';

function assertBreak(result: ChainVerification, expected: Partial<ChainBreak>): ChainBreak {
  assert.equal(result.ok, false, 'expected the chain to be reported broken');
  const broken = result as ChainBreak;
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(broken[key as keyof ChainBreak], value, key);
  assert.match(broken.message, /\d/);
  return broken;
}

describe('tampering with the workstation audit chain in the encrypted file', () => {
  let t: TestStore;
  let recorded: DeviceChainEntry[];
  beforeEach(() => {
    t = openTestStore();
    recorded = recordWorkday(t.store, 10);
    // Every check below reads the file through a fresh connection, as someone who copied the folder would.
    t.reopen();
  });
  afterEach(() => t.cleanup());

  const verify = () => verifyLocalAuditChain(t.store.db).result;
  const acknowledgeThrough = (seq: number) => saveAcknowledgedHead(t.store.db, { seq, hash: recorded[seq - 1]!.deviceHash });

  it('an untouched chain verifies and reaches its recorded head', () => {
    acknowledgeThrough(6);
    assert.deepEqual(verify(), { ok: true, length: 10, head: recorded[9]!.deviceHash, vouchedThrough: 10 });
    assert.deepEqual(allEntries(t.store.db), recorded);
  });

  it('a field edited in any column is named: the entry that no longer hashes to what was recorded', () => {
    const update = recorded[5]!;
    assert.equal(update.event.action, 'update');
    const edits: [column: string, value: unknown][] = [
      ['occurred_at', '2020-01-01T00:00:00.000Z'],
      ['user_id', update.event.device.deviceId],
      ['role', 'admin'],
      ['patient_id', null],
      ['action', 'view'],
      ['outcome', 'failure'],
      ['record_id', update.event.device.deviceId],
      ['record_rev', update.event.recordRev!.replace(':000000:', ':000001:')],
      ['detail', '{"fieldCount":2}'],
      ['detail', 'not json at all'],
      ['device_hash', recorded[4]!.deviceHash],
    ];
    for (const [column, value] of edits) {
      const original = t.store.db.prepare(`SELECT ${column} AS value FROM audit_entries WHERE device_seq = 6`).get() as { value: unknown };
      tamper(t.store.db, `UPDATE audit_entries SET ${column} = ? WHERE device_seq = 6`, value);
      assertBreak(verify(), { reason: 'hash-mismatch', seq: 6, firstBrokenIndex: 5, entryId: update.event.id });
      tamper(t.store.db, `UPDATE audit_entries SET ${column} = ? WHERE device_seq = 6`, original.value);
      assert.equal(verify().ok, true, `${column} restored`);
    }
  });

  it('a deleted row is named: the gap where it stood', () => {
    tamper(t.store.db, 'DELETE FROM audit_entries WHERE device_seq = 6');
    assertBreak(verify(), { reason: 'sequence-gap', seq: 6, firstBrokenIndex: 5 });
  });

  it('a deleted row with the rest renumbered is named: the entry that no longer links to the one before it', () => {
    tamper(t.store.db, 'DELETE FROM audit_entries WHERE device_seq = 6');
    tamper(t.store.db, 'UPDATE audit_entries SET device_seq = device_seq - 1 WHERE device_seq > 6');
    assertBreak(verify(), { reason: 'prev-mismatch', seq: 6, entryId: recorded[6]!.event.id });
  });

  it('two rows swapped in the order are named at the first of them', () => {
    tamper(t.store.db, 'UPDATE audit_entries SET device_seq = -3 WHERE device_seq = 3');
    tamper(t.store.db, 'UPDATE audit_entries SET device_seq = 3 WHERE device_seq = 7');
    tamper(t.store.db, 'UPDATE audit_entries SET device_seq = 7 WHERE device_seq = -3');
    assertBreak(verify(), { reason: 'prev-mismatch', seq: 3, firstBrokenIndex: 2, entryId: recorded[6]!.event.id });
  });

  it('a cut-off tail shows against the head recorded beside the chain', () => {
    tamper(t.store.db, 'DELETE FROM audit_entries WHERE device_seq > 7');
    assertBreak(verify(), { reason: 'truncated', seq: 8, firstBrokenIndex: 7, entryId: null, checkpointSeq: 10 });
  });

  it('a cut-off tail shows against the server-acknowledged head, even with the recorded head moved back too', () => {
    acknowledgeThrough(10);
    tamper(t.store.db, 'DELETE FROM audit_entries WHERE device_seq > 7');
    tamper(t.store.db, 'UPDATE audit_head SET recorded_seq = 7, recorded_hash = ? WHERE id = 1', recorded[6]!.deviceHash);
    assertBreak(verify(), { reason: 'truncated', seq: 8, firstBrokenIndex: 7, checkpointSeq: 10 });
  });

  it('a forged tail shows against the recorded head; trust ends after the last entry the server acknowledged', () => {
    acknowledgeThrough(5);
    tamper(t.store.db, 'DELETE FROM audit_entries WHERE device_seq > 5');
    insertRaw(t.store.db, forgeEntries({ seq: 5, hash: recorded[4]!.deviceHash }, recorded[5]!.event, 5));
    assertBreak(verify(), { reason: 'checkpoint-mismatch', seq: 6, firstBrokenIndex: 5, checkpointSeq: 10 });
  });

  it('a forged tail with a forged recorded head still shows against the server-acknowledged head', () => {
    acknowledgeThrough(8);
    tamper(t.store.db, 'DELETE FROM audit_entries WHERE device_seq > 5');
    const forged = forgeEntries({ seq: 5, hash: recorded[4]!.deviceHash }, recorded[5]!.event, 7);
    insertRaw(t.store.db, forged);
    tamper(t.store.db, 'UPDATE audit_head SET recorded_seq = 12, recorded_hash = ? WHERE id = 1', forged.at(-1)!.deviceHash);
    // Only the acknowledged head at 8 vouches for the forged part, so every entry up to it is in doubt.
    assertBreak(verify(), { reason: 'checkpoint-mismatch', seq: 1, firstBrokenIndex: 0, checkpointSeq: 8 });
  });

  it('entries added after the recorded head are named: the workstation did not write them', () => {
    insertRaw(t.store.db, forgeEntries({ seq: 10, hash: recorded[9]!.deviceHash }, recorded[9]!.event, 2));
    const forged = allEntries(t.store.db)[10]!;
    assertBreak(verify(), { reason: 'checkpoint-mismatch', seq: 11, firstBrokenIndex: 10, entryId: forged.event.id });
  });

  it('a head the server reports is held against the chain too', () => {
    const serverHead = { seq: 9, hash: recorded[8]!.deviceHash };
    assert.equal(verifyLocalAuditChain(t.store.db, [serverHead]).result.ok, true);
    tamper(t.store.db, 'UPDATE audit_entries SET workstation = ? WHERE device_seq = 9', 'elsewhere');
    tamper(t.store.db, 'UPDATE audit_head SET recorded_seq = 8, recorded_hash = ? WHERE id = 1', recorded[7]!.deviceHash);
    tamper(t.store.db, 'DELETE FROM audit_entries WHERE device_seq > 8');
    assertBreak(verifyLocalAuditChain(t.store.db, [serverHead]).result, { reason: 'truncated', seq: 9, checkpointSeq: 9 });
  });

  it('the app itself can neither change nor delete an entry, nor move a head back', () => {
    assert.throws(() => t.store.db.prepare(`UPDATE audit_entries SET outcome = 'denied' WHERE device_seq = 2`).run(), /append-only/);
    assert.throws(() => t.store.db.prepare('DELETE FROM audit_entries WHERE device_seq = 10').run(), /append-only/);
    assert.throws(() => t.store.db.prepare('UPDATE audit_head SET recorded_seq = 3 WHERE id = 1').run(), /only move forward/);
    assert.throws(() => t.store.db.prepare('UPDATE audit_head SET acknowledged_seq = 11 WHERE id = 1').run(), /only move forward/);
    assert.throws(() => t.store.db.prepare('DELETE FROM audit_head').run(), /kept/);
    assert.deepEqual(allEntries(t.store.db), recorded);
    assert.deepEqual(readAuditHeads(t.store.db).recorded, { seq: 10, hash: recorded[9]!.deviceHash });
  });
});

describe('verifying a long workstation chain', () => {
  let t: TestStore;
  beforeEach(() => {
    t = openTestStore();
  });
  afterEach(() => t.cleanup());

  it('checks every entry across pages and names a break far down the chain by its place', () => {
    const recorded = recordWorkday(t.store, 25_000);
    assert.deepEqual(verifyLocalAuditChain(t.store.db).result, { ok: true, length: 25_000, head: recorded.at(-1)!.deviceHash, vouchedThrough: 25_000 });
    tamper(t.store.db, 'UPDATE audit_entries SET patient_id = NULL WHERE device_seq = 22346');
    assertBreak(verifyLocalAuditChain(t.store.db).result, { reason: 'hash-mismatch', seq: 22_346, firstBrokenIndex: 22_345, entryId: recorded[22_345]!.event.id });
  });
});
