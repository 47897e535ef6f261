import assert from 'node:assert/strict';
import { generateKeyPairSync, hash as nodeHash, sign, verify, type KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import { GENESIS_HASH, genesisHead, type HashFunction } from './chainHash.ts';
import type { ChainBreak, ChainVerification } from './chainVerification.ts';
import { checkpointPayload, signedCheckpointSchema, type SignedCheckpoint, type VerifyCheckpointSignature } from './checkpoint.ts';
import { sha256Text } from './sha256.ts';
import { appendToChain, chainHeadOf, tenantHashedText, verifyChain, type AuditChainEntry } from './tenantChain.ts';
import { auditEvent, eventContext } from './testEvents.ts';

const hash: HashFunction = (message) => nodeHash('sha256', message, 'hex');
const context = eventContext();

function buildChain(length: number): AuditChainEntry[] {
  const entries: AuditChainEntry[] = [];
  let head = genesisHead;
  for (let n = 0; n < length; n++) {
    const entry = appendToChain(head, auditEvent(context, n), hash);
    entries.push(entry);
    head = chainHeadOf(entry);
  }
  return entries;
}

/** An attacker with write access to the table: replaces entries from `fromSeq` on with new ones, hashed properly. */
function forgeTailFrom(entries: readonly AuditChainEntry[], fromSeq: number): AuditChainEntry[] {
  const forged = entries.slice(0, fromSeq - 1);
  let head = forged.length ? chainHeadOf(forged.at(-1)!) : genesisHead;
  for (const original of entries.slice(fromSeq - 1)) {
    const entry = appendToChain(head, { ...original.event, outcome: 'denied' }, hash);
    forged.push(entry);
    head = chainHeadOf(entry);
  }
  return forged;
}

const signingKeys = generateKeyPairSync('ed25519');
const attackerKeys = generateKeyPairSync('ed25519');

function checkpointAt(entries: readonly AuditChainEntry[], seq: number, privateKey: KeyObject = signingKeys.privateKey): SignedCheckpoint {
  const unsigned = {
    tenantId: context.tenantId,
    seq,
    headHash: entries[seq - 1]!.entryHash,
    signedAt: '2024-05-18T00:00:00.000Z',
    keyId: 'audit-2024',
  };
  return { ...unsigned, signature: sign(null, checkpointPayload(unsigned), privateKey).toString('base64url') };
}

const verifySignature: VerifyCheckpointSignature = (payload, signature, keyId) =>
  keyId === 'audit-2024' && verify(null, payload, signingKeys.publicKey, Buffer.from(signature, 'base64url'));

function assertBroken(result: ChainVerification, expected: Partial<ChainBreak>): ChainBreak {
  assert.equal(result.ok, false, 'expected the chain to be reported broken');
  const broken = result as ChainBreak;
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(broken[key as keyof ChainBreak], value, key);
  assert.match(broken.message, /^[\w .,:;-]+$/, 'the message holds words and numbers only');
  return broken;
}

describe('tenant audit chain', () => {
  const chain = buildChain(200);

  it('verifies an untouched chain of 10,000 entries and reports its length and head', () => {
    const entries = buildChain(10_000);
    assert.deepEqual(verifyChain(entries, hash), {
      ok: true,
      length: 10_000,
      head: entries.at(-1)!.entryHash,
      vouchedThrough: 0,
    });
  });

  it('starts from the genesis hash and links each entry to the one before', () => {
    assert.equal(chain[0]!.prevHash, GENESIS_HASH);
    assert.equal(chain[0]!.seq, 1);
    for (let i = 1; i < chain.length; i++) {
      assert.equal(chain[i]!.prevHash, chain[i - 1]!.entryHash);
      assert.equal(chain[i]!.seq, i + 1);
    }
  });

  it('hashes alike with node:crypto and the pure SHA-256, so every side verifies every other', () => {
    const result = verifyChain(chain.slice(0, 20), sha256Text);
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.head, chain[19]!.entryHash);
  });

  it('verifies an empty chain as length 0 at the genesis hash', () => {
    assert.deepEqual(verifyChain([], hash), { ok: true, length: 0, head: GENESIS_HASH, vouchedThrough: 0 });
  });

  it('detects an edited field and names the edited entry', () => {
    const tampered = structuredClone(chain);
    tampered[37]!.event.patientId = context.userId;
    assertBroken(verifyChain(tampered, hash), { reason: 'hash-mismatch', firstBrokenIndex: 37, entryId: chain[37]!.event.id, seq: 38 });
  });

  it('detects an edited detail deep in the event', () => {
    const tampered = structuredClone(chain);
    tampered[100]!.event.detail = { kind: 'mrn', tokens: 1 };
    assertBroken(verifyChain(tampered, hash), { reason: 'hash-mismatch', firstBrokenIndex: 100 });
  });

  it('detects an edit whose own hash was recomputed at the next link', () => {
    const tampered = structuredClone(chain);
    tampered[50] = appendToChain(chainHeadOf(tampered[49]!), { ...tampered[50]!.event, outcome: 'denied' }, hash);
    assertBroken(verifyChain(tampered, hash), { reason: 'prev-mismatch', firstBrokenIndex: 51, entryId: chain[51]!.event.id });
  });

  it('detects a deleted row as a gap at the entry that followed it', () => {
    const tampered = chain.filter((_, i) => i !== 120);
    assertBroken(verifyChain(tampered, hash), { reason: 'sequence-gap', firstBrokenIndex: 120, entryId: chain[121]!.event.id, seq: 121 });
  });

  it('detects a deleted row even when the rows after it are renumbered', () => {
    const tampered = chain.filter((_, i) => i !== 120).map((entry, i) => ({ ...entry, seq: i + 1 }));
    assertBroken(verifyChain(tampered, hash), { reason: 'prev-mismatch', firstBrokenIndex: 120, seq: 121 });
  });

  it('detects two rows swapped at the first of them', () => {
    const tampered = [...chain];
    [tampered[60], tampered[61]] = [tampered[61]!, tampered[60]!];
    assertBroken(verifyChain(tampered, hash), { reason: 'out-of-order', firstBrokenIndex: 60, entryId: chain[61]!.event.id, seq: 61 });
  });

  it('detects a row repeated', () => {
    const tampered = [...chain.slice(0, 80), chain[79]!, ...chain.slice(80)];
    assertBroken(verifyChain(tampered, hash), { reason: 'out-of-order', firstBrokenIndex: 80, seq: 81 });
  });

  it('reports an entry it cannot read instead of throwing', () => {
    const tampered: unknown[] = [...chain];
    tampered[5] = null;
    assertBroken(verifyChain(tampered as AuditChainEntry[], hash), { reason: 'malformed', firstBrokenIndex: 5, entryId: null });
    const unhashable = structuredClone(chain);
    (unhashable[6]!.event.detail as Record<string, unknown>).count = Number.NaN;
    assertBroken(verifyChain(unhashable, hash), { reason: 'malformed', firstBrokenIndex: 6 });
  });

  describe('against signed checkpoints', () => {
    it('vouches for the chain up to the newest checkpoint', () => {
      const result = verifyChain(chain, hash, { checkpoints: [checkpointAt(chain, 150), checkpointAt(chain, 100)], verifySignature });
      assert.deepEqual(result, { ok: true, length: 200, head: chain[199]!.entryHash, vouchedThrough: 150 });
    });

    it('detects a truncated tail, which links alone cannot', () => {
      const truncated = chain.slice(0, 170);
      assert.equal(verifyChain(truncated, hash).ok, true);
      assertBroken(verifyChain(truncated, hash, { checkpoints: [checkpointAt(chain, 100), checkpointAt(chain, 180)], verifySignature }), {
        reason: 'truncated',
        firstBrokenIndex: 170,
        entryId: null,
        seq: 171,
        checkpointSeq: 180,
      });
    });

    it('detects a forged tail: entries after the last checkpoint that still matches are no longer vouched for', () => {
      const forged = forgeTailFrom(chain, 90);
      assert.equal(verifyChain(forged, hash).ok, true, 'a re-hashed forgery passes the links');
      assertBroken(verifyChain(forged, hash, { checkpoints: [checkpointAt(chain, 50), checkpointAt(chain, 100)], verifySignature }), {
        reason: 'checkpoint-mismatch',
        firstBrokenIndex: 50,
        entryId: chain[50]!.event.id,
        seq: 51,
        checkpointSeq: 100,
      });
    });

    it('detects a forged tail with a checkpoint edited to match it', () => {
      const forged = forgeTailFrom(chain, 90);
      const edited = { ...checkpointAt(chain, 100), headHash: forged[99]!.entryHash };
      assertBroken(verifyChain(forged, hash, { checkpoints: [checkpointAt(chain, 50), edited], verifySignature }), {
        reason: 'checkpoint-signature-invalid',
        firstBrokenIndex: 50,
        seq: 51,
        checkpointSeq: 100,
      });
    });

    it('detects a forged tail with a checkpoint signed by another key', () => {
      const forged = forgeTailFrom(chain, 90);
      assertBroken(verifyChain(forged, hash, { checkpoints: [checkpointAt(forged, 100, attackerKeys.privateKey)], verifySignature }), {
        reason: 'checkpoint-signature-invalid',
        firstBrokenIndex: 0,
        seq: 1,
      });
    });

    it('reports the earlier of a broken link and a failed checkpoint', () => {
      const tampered = structuredClone(forgeTailFrom(chain, 30));
      tampered[150]!.event.outcome = 'failure';
      assertBroken(verifyChain(tampered, hash, { checkpoints: [checkpointAt(chain, 100)], verifySignature }), {
        reason: 'checkpoint-mismatch',
        firstBrokenIndex: 0,
      });
      assertBroken(verifyChain(tampered, hash, { checkpoints: [checkpointAt(chain, 20), checkpointAt(chain, 180)], verifySignature }), {
        reason: 'hash-mismatch',
        firstBrokenIndex: 150,
      });
    });

    it('treats a verifier that throws as a failed signature', () => {
      const throwing: VerifyCheckpointSignature = () => {
        throw new Error('unknown key');
      };
      assertBroken(verifyChain(chain, hash, { checkpoints: [checkpointAt(chain, 10)], verifySignature: throwing }), {
        reason: 'checkpoint-signature-invalid',
      });
    });

    it('signs every checkpoint field but the signature, as canonical JSON', () => {
      const checkpoint = checkpointAt(chain, 100);
      assert.equal(
        Buffer.from(checkpointPayload(checkpoint)).toString('utf8'),
        `{"headHash":"${checkpoint.headHash}","keyId":"audit-2024","seq":100,"signedAt":"2024-05-18T00:00:00.000Z","tenantId":"${context.tenantId}"}`,
      );
      assert.equal(signedCheckpointSchema.safeParse(checkpoint).success, true);
      assert.equal(signedCheckpointSchema.safeParse({ ...checkpoint, headHash: 'xyz' }).success, false);
    });
  });

  describe('with hashes checked elsewhere (hashVerdicts)', () => {
    const countingHash = () => {
      let calls = 0;
      const counted: HashFunction = (message) => {
        calls++;
        return hash(message);
      };
      return { counted, calls: () => calls };
    };

    it('takes each verdict instead of hashing, and hashes only the entries without one', () => {
      const { counted, calls } = countingHash();
      const verdicts = chain.map((_, index) => (index % 10 === 0 ? undefined : true));
      assert.equal(verifyChain(chain, counted, { hashVerdicts: (index) => verdicts[index] }).ok, true);
      assert.equal(calls(), 20);
    });

    it('reports a hash-mismatch where a verdict says the hash differs', () => {
      const result = verifyChain(chain, hash, { hashVerdicts: (index) => index !== 64 });
      assertBroken(result, { reason: 'hash-mismatch', firstBrokenIndex: 64, seq: 65, entryId: chain[64]!.event.id });
    });

    it('still checks sequence numbers and links itself: a moved row is named before any verdict', () => {
      const tampered = [...chain];
      [tampered[20], tampered[21]] = [tampered[21]!, tampered[20]!];
      assertBroken(verifyChain(tampered, hash, { hashVerdicts: () => true }), { reason: 'out-of-order', firstBrokenIndex: 20 });
    });

    it('gives the text the hash covers after the previous hash', () => {
      for (const entry of chain.slice(0, 5)) assert.equal(hash(entry.prevHash + tenantHashedText(entry)), entry.entryHash);
    });
  });

  describe('in slices', () => {
    it('verifies a slice from a trusted head, with the checkpoints inside it', () => {
      const result = verifyChain(chain.slice(100), hash, {
        start: chainHeadOf(chain[99]!),
        checkpoints: [checkpointAt(chain, 50), checkpointAt(chain, 150)],
        verifySignature,
      });
      assert.deepEqual(result, { ok: true, length: 200, head: chain[199]!.entryHash, vouchedThrough: 150 });
    });

    it('detects a slice that does not follow the head it claims to', () => {
      assertBroken(verifyChain(chain.slice(100), hash, { start: chainHeadOf(chain[98]!) }), { reason: 'sequence-gap', firstBrokenIndex: 0, seq: 100 });
      assertBroken(verifyChain(chain.slice(100), hash, { start: { seq: 100, hash: chain[98]!.entryHash } }), {
        reason: 'prev-mismatch',
        firstBrokenIndex: 0,
      });
    });
  });
});
