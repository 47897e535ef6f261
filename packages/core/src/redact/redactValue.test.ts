import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REDACTED } from './redacted.ts';
import { CIRCULAR, redactValue } from './redactValue.ts';

describe('redactValue', () => {
  it('censors values under sensitive keys at any depth and in any spelling', () => {
    const logged = {
      userId: '0190a6b4-6c1e-7abc-8def-0123456789ab',
      patient: { givenName: 'Edward', family_name: 'Gulgowski', BirthDate: '1992-09-13', address: { line: ['740 Conn Village'] } },
      a: { b: { c: { d: { mrn: 'S99972861', ssn: 999879731, identifier: [{ value: 'x' }], kind: 'x' } } } },
      req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1', 'x-eonpro-launch-token': 'tok' } },
      input: { query: 'gulgowski' },
      csrfToken: 'abc',
      homePhone: '5555314774',
      count: 3,
    };
    assert.deepEqual(redactValue(logged), {
      userId: '0190a6b4-6c1e-7abc-8def-0123456789ab',
      patient: { givenName: REDACTED, family_name: REDACTED, BirthDate: REDACTED, address: REDACTED },
      a: { b: { c: { d: { mrn: REDACTED, ssn: REDACTED, identifier: REDACTED, kind: 'x' } } } },
      req: { headers: { authorization: REDACTED, cookie: REDACTED, 'x-eonpro-launch-token': REDACTED } },
      input: REDACTED,
      csrfToken: REDACTED,
      homePhone: REDACTED,
      count: 3,
    });
  });

  it('redacts strings under other keys by pattern and by known value', () => {
    const logged = { msg: 'Edward called from 555-531-4774', detail: ['dob 09/13/1992', 'ok'], reason: 'duplicate' };
    assert.deepEqual(redactValue(logged, { knownValues: ['Edward'] }), {
      msg: `${REDACTED} called from ${REDACTED}`,
      detail: [`dob ${REDACTED}`, 'ok'],
      reason: 'duplicate',
    });
  });

  it('keeps the log line timestamp in `time`, but not a bare date there or a timestamp elsewhere', () => {
    assert.deepEqual(redactValue({ time: '2024-05-17T12:30:45.123Z', at: '2024-05-17T12:30:45.123Z' }), {
      time: '2024-05-17T12:30:45.123Z',
      at: REDACTED,
    });
    assert.deepEqual(redactValue({ time: 1_733_241_600_000 }), { time: 1_733_241_600_000 });
    assert.deepEqual(redactValue({ time: '1992-09-13' }), { time: REDACTED });
    assert.deepEqual(redactValue({ nested: { time: '1992-09-13T00:00:00Z' } }), { nested: { time: '1992-09-13T00:00:00Z' } });
  });

  it('keeps ids and HLC revisions', () => {
    const logged = { patientId: '43481611-2459-44f5-ab20-4b142dac160f', rev: '000001733241600000:000003:0190a6b4-6c1e-7abc-8def-0123456789ab' };
    assert.deepEqual(redactValue(logged), logged);
  });

  it('is safe on cycles and leaves shared references whole', () => {
    const shared = { note: 'free text', id: 'a' };
    const cyclic: Record<string, unknown> = { shared, again: shared, list: [] };
    cyclic.self = cyclic;
    (cyclic.list as unknown[]).push(cyclic, shared);
    assert.deepEqual(redactValue(cyclic), {
      shared: { note: REDACTED, id: 'a' },
      again: { note: REDACTED, id: 'a' },
      list: [CIRCULAR, { note: REDACTED, id: 'a' }],
      self: CIRCULAR,
    });
  });

  it('does not change its input', () => {
    const logged = { user: { email: 'a@b.co', name: 'Edward' }, msg: 'call 555-531-4774' };
    const copy = structuredClone(logged);
    redactValue(logged);
    assert.deepEqual(logged, copy);
  });

  it('keeps an error useful: its type, code and redacted message and stack', () => {
    const error = Object.assign(new Error('Key (mrn)=(S99972861) for Edward already exists'), { code: '23505', email: 'a@b.co' });
    const redacted = redactValue({ err: error }, { knownValues: ['Edward', 'S99972861'] }) as { err: Record<string, unknown> };
    assert.equal(redacted.err.type, 'Error');
    assert.equal(redacted.err.code, '23505');
    assert.equal(redacted.err.email, REDACTED);
    assert.equal(redacted.err.message, `Key (mrn)=(${REDACTED}) for ${REDACTED} already exists`);
    assert.ok(typeof redacted.err.stack === 'string' && !redacted.err.stack.includes('Edward'));
  });

  it('turns dates, maps, sets and binary data into loggable values', () => {
    const logged = {
      born: new Date('1992-09-13T00:00:00Z'),
      byKind: new Map([['phone', '555-531-4774'], ['kind', 'x']]),
      tags: new Set(['a', 'edward@example.com']),
      key: 'kept key name',
      blob: new Uint8Array(32),
      skip: () => 1,
      big: 10n,
    };
    assert.deepEqual(redactValue(logged), {
      born: REDACTED,
      byKind: { phone: REDACTED, kind: 'x' },
      tags: ['a', REDACTED],
      key: 'kept key name',
      blob: '[binary 32 bytes]',
      big: '10',
    });
  });

  it('passes plain values through', () => {
    assert.equal(redactValue('call 555-531-4774'), `call ${REDACTED}`);
    for (const value of [null, undefined, 42, true]) assert.equal(redactValue(value), value);
  });
});
