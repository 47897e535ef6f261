import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { appendToChain, chainHeadOf, genesisHead, verifyChain, type AuditChainEntry, type AuditEvent } from '@eonpro/core';
import { sha256Hex } from './chainHash.ts';
import { chainHashAnswers } from './chainHashAnswers.ts';
import { HashWorkers } from './hashWorkers.ts';

function chainOf(length: number): AuditChainEntry[] {
  const tenantId = randomUUID();
  const entries: AuditChainEntry[] = [];
  let head = genesisHead;
  for (let n = 0; n < length; n++) {
    const at = new Date(Date.UTC(2024, 4, 17) + n * 1000).toISOString();
    const event: AuditEvent = {
      id: randomUUID(),
      tenantId,
      occurredAt: at,
      recordedAt: at,
      actor: { userId: randomUUID(), role: 'nurse' },
      device: { deviceId: null, workstation: 'sync-server' },
      patientId: randomUUID(),
      action: 'view',
      outcome: 'success',
      entity: null,
      recordId: null,
      recordRev: null,
      detail: { procedure: 'chart.summary', results: n },
    };
    const entry = appendToChain(head, event, sha256Hex);
    entries.push(entry);
    head = chainHeadOf(entry);
  }
  return entries;
}

describe('hash workers', () => {
  const workers = new HashWorkers(2);
  after(() => workers.close());

  it('answers, per message, whether it hashes to the hash recorded for it, and leaves a missing message unanswered', async () => {
    const prevHash = 'f'.repeat(64);
    const right = String(sha256Hex(`${prevHash}abc`));
    const answers = await workers.check([
      { prevHash, text: 'abc', expected: sha256Hex(`${prevHash}abc`) },
      { prevHash, text: 'abc', expected: sha256Hex(`${prevHash}abd`) },
      null,
      { prevHash, text: 'zoë 🩺 \ud800', expected: sha256Hex(`${prevHash}zoë 🩺 \ud800`) },
      { prevHash, text: 'abc', expected: String(sha256Hex(`${prevHash}abc`)).toUpperCase() },
      { prevHash, text: 'abc', expected: 42 },
      // Its first character's low byte is the right hex digit, but it is not that digit.
      { prevHash, text: 'abc', expected: String.fromCharCode(0x100 + right.charCodeAt(0)) + right.slice(1) },
    ]);
    assert.deepEqual(answers, [true, false, undefined, true, false, false, false]);
  });

  it('hashes a job larger than its first buffer, and buffers come back for the next jobs', async () => {
    const prevHash = '0'.repeat(64);
    const text = 'é'.repeat(700_000);
    const items = Array.from({ length: 4 }, (_, n) => ({ prevHash, text: `${text}${n}`, expected: sha256Hex(`${prevHash}${text}${n}`) }));
    assert.deepEqual(await workers.check(items), [true, true, true, true]);
    assert.deepEqual(await workers.check(items.slice(1)), [true, true, true]);
  });

  it('checks a whole chain in jobs spread over the workers and finds the one edited entry', async () => {
    const chain = chainOf(12_000);
    chain[10_321]!.event.patientId = randomUUID();
    const answers = await chainHashAnswers(workers, chain);
    assert.equal(answers.length, chain.length);
    assert.deepEqual(
      answers.flatMap((answer, index) => (answer === true ? [] : [index])),
      [10_321],
    );
    const result = verifyChain(chain, sha256Hex, { hashVerdicts: (index) => answers[index] });
    assert.deepEqual([result.ok, !result.ok && result.reason, !result.ok && result.seq], [false, 'hash-mismatch', 10_322]);
  });

  it('leaves an entry it cannot read unanswered, so the walk names it malformed', async () => {
    const chain = chainOf(20) as unknown[];
    chain[7] = null;
    const answers = await chainHashAnswers(workers, chain as AuditChainEntry[]);
    assert.deepEqual([answers[6], answers[7], answers[8]], [true, undefined, true]);
    const result = verifyChain(chain as AuditChainEntry[], sha256Hex, { hashVerdicts: (index) => answers[index] });
    assert.deepEqual([result.ok, !result.ok && result.reason, !result.ok && result.firstBrokenIndex], [false, 'malformed', 7]);
  });

  it('refuses work once closed', async () => {
    const closing = new HashWorkers(1);
    await closing.close();
    await assert.rejects(closing.check([{ prevHash: '0'.repeat(64), text: 'abc', expected: null }]), /closed/);
  });
});
