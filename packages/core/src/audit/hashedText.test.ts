import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson } from './canonicalJson.ts';
import { deviceEntryText, tenantEntryText } from './hashedText.ts';
import { auditEvent, eventContext } from './testEvents.ts';

const context = eventContext();
const link = { deviceSeq: 4, devicePrevHash: 'a'.repeat(64), deviceHash: 'b'.repeat(64) };

function withoutRecordedAt(event: Record<string, unknown>): Record<string, unknown> {
  const { recordedAt: _recordedAt, ...rest } = event;
  return rest;
}

function assertBothMatchCanonical(event: unknown, seq: unknown = 3, deviceLink: unknown = link): void {
  assert.equal(tenantEntryText(seq, event, deviceLink), canonicalJson({ seq, event, deviceLink }));
  const isRecord = typeof event === 'object' && event !== null && !Array.isArray(event);
  const deviceEvent = isRecord ? withoutRecordedAt(event as Record<string, unknown>) : event;
  assert.equal(deviceEntryText(seq, event), canonicalJson({ deviceSeq: seq, event: deviceEvent }));
}

describe('hashed entry text', () => {
  it('is canonicalJson of the entry for every kind of event', () => {
    for (let n = 0; n < 30; n++) {
      assertBothMatchCanonical(auditEvent(context, n), n + 1, n % 2 ? link : null);
    }
  });

  it('is canonicalJson when strings need escaping or hold any Unicode', () => {
    const event = { ...auditEvent(context, 1), device: { deviceId: null, workstation: 'Desk "A"\\\n\t Zoë 🩺 \ud800' } };
    assertBothMatchCanonical(event);
  });

  it('leaves recordedAt out of the device text, whether the event carries it or not', () => {
    const event = auditEvent(context, 2);
    const deviceEvent = withoutRecordedAt(event);
    assert.equal(deviceEntryText(1, event), deviceEntryText(1, deviceEvent));
    assert.ok(!deviceEntryText(1, event).includes('recordedAt'));
    assertBothMatchCanonical(deviceEvent);
  });

  it('falls back to canonicalJson for events of any other shape', () => {
    const event = auditEvent(context, 0) as unknown as Record<string, unknown>;
    const odd: unknown[] = [
      { ...event, extra: 'field' },
      withoutRecordedAt({ ...event, action: undefined }),
      { ...event, outcome: 7 },
      { ...event, detail: undefined },
      { ...event, actor: { ...(event.actor as object), extra: true } },
      { ...event, actor: { userId: null, rank: 'nurse' } },
      { ...event, device: null },
      { ...event, recordedAt: undefined },
      Object.assign(Object.create(null) as object, event),
      [],
      null,
    ];
    for (const value of odd) assertBothMatchCanonical(value);
  });

  it('is canonicalJson for details of every shape: sorted, nested, numbered keys, odd values', () => {
    const event = auditEvent(context, 0);
    const details: unknown[] = [
      {},
      { zeta: 1, alpha: 'a', Mid: true, beta: null, ünïcode: -0, z2: 1e21 },
      { nested: { b: 1, a: [2, { d: 1, c: 0 }] } },
      { 10: 'ten', 9: 'nine', b: 'letter' },
      { '': 'empty key', '\u00e9': 'accent', a: 'quote " and \\' },
      JSON.parse('{"__proto__": "own key", "a": 1}'),
      Object.assign(Object.create(null) as object, { b: 2, a: 1 }),
      { missing: undefined, kept: 1 },
    ];
    for (const detail of details) assertBothMatchCanonical({ ...event, detail });
  });

  it('falls back to canonicalJson for unusual sequence numbers and device links', () => {
    const event = auditEvent(context, 0);
    for (const seq of [-0, 1.5, '7', undefined]) assertBothMatchCanonical(event, seq);
    for (const deviceLink of [undefined, { ...link, extra: 1 }, { ...link, deviceSeq: '4' }, { deviceSeq: 4, devicePrevHash: 'a' }]) {
      assert.equal(tenantEntryText(1, event, deviceLink), canonicalJson({ seq: 1, event, deviceLink }));
    }
  });

  it('refuses what canonicalJson refuses', () => {
    const event = { ...auditEvent(context, 0), detail: { count: NaN } };
    assert.throws(() => tenantEntryText(1, event, null));
    assert.throws(() => deviceEntryText(1, event));
    assert.throws(() => tenantEntryText(NaN, auditEvent(context, 0), null));
  });
});
