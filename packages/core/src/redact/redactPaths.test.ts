import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { REDACTED } from './redacted.ts';
import { redactText } from './redactText.ts';
import { redactValue } from './redactValue.ts';
import { isSensitiveKey, redactPaths, sensitiveKeyNames } from './sensitiveKeys.ts';

/** A real pino logger writing into memory, set up the way the server and the desktop host are meant to use these. */
function memoryLogger(withValueRedaction: boolean) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pino(
    {
      name: 'sync-server',
      redact: { paths: [...redactPaths], censor: REDACTED },
      ...(withValueRedaction
        ? {
            formatters: { log: (object: Record<string, unknown>) => redactValue(object) as Record<string, unknown> },
            hooks: {
              logMethod(this: unknown, args: unknown[], method: (...args: unknown[]) => void) {
                method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)));
              },
            },
          }
        : {}),
    },
    destination,
  );
  return { logger, lines };
}

describe('redactPaths', () => {
  it('is valid pino redact syntax and censors secrets and identity fields up to three levels deep', () => {
    const { logger, lines } = memoryLogger(false);
    logger.info(
      {
        password: 'hunter2',
        user: { email: 'edward@example.com', name: 'Edward' },
        req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1', 'x-eonpro-launch-token': 'launch' } },
        res: { headers: { 'set-cookie': 'sid=2' } },
        patient: { given_name: 'Edward', birth_date: '1992-09-13' },
        userId: '0190a6b4-6c1e-7abc-8def-0123456789ab',
      },
      'signed in',
    );
    const line = JSON.parse(lines[0]!);
    assert.equal(line.name, 'sync-server', "pino's own logger name stays");
    assert.equal(line.password, REDACTED);
    assert.deepEqual(line.user, { email: REDACTED, name: REDACTED });
    assert.deepEqual(line.req.headers, { authorization: REDACTED, cookie: REDACTED, 'x-eonpro-launch-token': REDACTED });
    assert.deepEqual(line.res.headers, { 'set-cookie': REDACTED });
    assert.deepEqual(line.patient, { given_name: REDACTED, birth_date: REDACTED });
    assert.equal(line.userId, '0190a6b4-6c1e-7abc-8def-0123456789ab');
  });

  it('names every sensitive key in camelCase and snake_case', () => {
    for (const key of sensitiveKeyNames) {
      assert.ok(isSensitiveKey(key), key);
      if (key !== 'name') assert.ok(redactPaths.includes(key), key);
      assert.ok(redactPaths.includes(`*.${key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`), key);
    }
    for (const key of ['tokens', 'kind', 'hostname', 'patientId', 'accessTokenExpiresAt', 'time']) assert.equal(isSensitiveKey(key), false, key);
  });

  it('with redactValue and redactText wired in, no canary reaches the log in any form', () => {
    const { logger, lines } = memoryLogger(true);
    const canary = { given: 'Canaryella', family: 'Testpatient', birthDate: '1961-02-03', ssn: '999-12-3456', phone: '555-201-9988' };
    logger.info({ rev: '000001733241600000:000001:desk-1', deep: { a: { b: { c: { givenName: canary.given } } } } }, 'rev applied');
    logger.warn({ detail: `dup of ${canary.ssn}, born ${canary.birthDate}` }, `callback ${canary.phone}`);
    logger.error({ err: new Error(`insert failed: ${canary.birthDate} ${canary.ssn}`) }, 'import failed');
    logger.info(`searching for ${canary.birthDate}`);
    const log = lines.join('\n');
    for (const value of [canary.given, canary.birthDate, canary.ssn, canary.phone]) assert.ok(!log.includes(value), `${value} leaked: ${log}`);
    assert.ok(log.includes('000001733241600000:000001:desk-1'), 'revisions stay readable');
    assert.equal(lines.length, 4);
    for (const line of lines) assert.equal(typeof JSON.parse(line).time, 'number', 'the log timestamp stays');
  });
});
