import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { REDACTED } from '@eonpro/core';
import { withKnownValues } from './callKnownValues.ts';
import { createLogger } from './logger.ts';

const canary = { given: 'Zyxwvanthe', family: 'Qorvalinsky', mrn: 'QZ-88417', ssn: '999-41-7733', birthDate: '1961-02-03' };

describe('server logger', () => {
  let folder: string;
  let lineNumber = 0;
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'eonpro-logger-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  function loggerWithFile() {
    const file = path.join(folder, `server-${++lineNumber}.log`);
    return { log: createLogger({ file, level: 'info' }), lines: () => readFileSync(file, 'utf8').trim().split('\n') };
  }

  it("redacts the current call's known values from every line it writes, awaited work included, and only there", async () => {
    const { log, lines } = loggerWithFile();
    await withKnownValues([`${canary.given} ${canary.family}`, canary.mrn], async () => {
      await delay(1);
      log.info({ detail: `possible duplicate of ${canary.family.toUpperCase()}, mrn ${canary.mrn}` }, `checked ${canary.given}`);
      log.child({ reqId: 'r-1' }).warn(`${canary.given.toLowerCase()} not found`);
    });
    log.info(`after the call: ${canary.given}`);
    const [inside, child, outside] = lines();
    for (const line of [inside!, child!]) {
      assert.ok(!/zyxwvanthe|qorvalinsky|QZ-88417/i.test(line), line);
      assert.ok(line.includes(REDACTED), line);
    }
    assert.equal(JSON.parse(child!).reqId, 'r-1');
    assert.ok(outside!.includes(canary.given), 'known values belong to their call only');
  });

  it('finds a known value among the thousands of a large push', async () => {
    const { log, lines } = loggerWithFile();
    // Names of letters only, as names are: Given-aa Family-aa, Given-ab Family-ab, …
    const letters = (index: number) => [...index.toString(26).padStart(3, '0')].map((digit) => String.fromCharCode(97 + parseInt(digit, 26))).join('');
    const many = Array.from({ length: 3000 }, (_, index) => `Given${letters(index)} Family${letters(index)}`);
    await withKnownValues([...many, canary.mrn], async () => {
      log.info({ detail: `mrn ${canary.mrn.toLowerCase()} and family${letters(1234)} differ` }, `Given${letters(2999)} pushed`);
    });
    const [line] = lines().map((text) => JSON.parse(text) as Record<string, unknown>);
    assert.equal(line!.detail, `mrn ${REDACTED} and ${REDACTED} differ`);
    assert.equal(line!.msg, `${REDACTED} pushed`);
  });

  it('redacts secrets and identity fields by path and dates, SSNs and error messages by pattern, keeping ids', () => {
    const { log, lines } = loggerWithFile();
    const userId = '0190a6b4-6c1e-7abc-8def-0123456789ab';
    log.info({ userId, password: 'hunter2-hunter2', user: { email: 'edna@example.test' }, patient: { given_name: canary.given } }, `ssn ${canary.ssn}`);
    log.error(new Error(`insert failed for born ${canary.birthDate}`));
    log.warn({ err: new Error(`duplicate ${canary.ssn}`) });
    log.child({ patientName: canary.family }).info('child');
    const text = lines().join('\n');
    for (const value of ['hunter2', 'edna@example.test', canary.given, canary.family, canary.ssn, canary.birthDate]) assert.ok(!text.includes(value), `${value} in ${text}`);
    const [first, second, third] = lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(first!.userId, userId, 'ids stay readable');
    assert.equal(first!.name, 'sync-server', "the logger's own name stays");
    assert.equal(first!.msg, `ssn ${REDACTED}`);
    assert.equal(second!.msg, `insert failed for born ${REDACTED}`);
    assert.equal((second!.err as { type: string }).type, 'Error');
    assert.equal(third!.msg, `duplicate ${REDACTED}`);
  });
});
