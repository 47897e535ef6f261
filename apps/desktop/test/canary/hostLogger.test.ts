/** The host's log as written to the data folder: device ids on every line, patient data on none. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { REDACTED, knownValuesOf } from '@eonpro/core';
import { withKnownValues } from '../../src/host/logKnownValues.ts';
import { createHostLogger } from '../../src/host/logger.ts';
import { imported, registered } from './support/canaries.ts';

describe('host logger', () => {
  let dir: string;
  let count = 0;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'eonpro-host-logger-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function hostLog(deviceId: () => string | null = () => null) {
    const file = join(dir, `host-${++count}.log`);
    const logger = createHostLogger(file, { level: 'info', deviceId });
    return { logger, lines: () => readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
  }

  it('stamps each line with the device id once the workstation knows it', () => {
    let deviceId: string | null = null;
    const { logger, lines } = hostLog(() => deviceId);
    logger.info('host started');
    deviceId = '0190a6b4-6c1e-7abc-8def-0123456789ab';
    logger.info({ mutationId: '0190a6b4-6c1e-7abc-8def-0123456789ac' }, 'rejected change dismissed');
    const [locked, unlocked] = lines();
    assert.equal(locked!.deviceId, undefined);
    assert.equal(unlocked!.deviceId, deviceId);
    assert.equal(unlocked!.mutationId, '0190a6b4-6c1e-7abc-8def-0123456789ac');
    assert.equal(unlocked!.service, 'desktop-host');
  });

  it("redacts identity fields by path, contact details by pattern and a call's names as known values", async () => {
    const { logger, lines } = hostLog();
    const input = { changes: { givenName: registered.given, familyName: registered.family, phone: registered.phone } };
    await withKnownValues(knownValuesOf(input), async () => {
      await delay(1);
      logger.warn({ detail: `kept ${registered.family.toUpperCase()} on hold`, patient: { birthDate: registered.birthDate } }, `call ${registered.phone} back`);
      logger.error(new Error(`constraint failed for ${registered.given}`));
    });
    logger.info({ email: imported.email, nested: { mrn: imported.mrn } }, `ssn ${imported.ssn}`);
    const text = lines().map((line) => JSON.stringify(line)).join('\n');
    for (const value of [registered.given, registered.family, registered.phone, registered.birthDate, imported.email, imported.mrn, imported.ssn]) {
      assert.ok(!text.toLowerCase().includes(value.toLowerCase()), `${value} reached the log`);
    }
    const [warned, failed, outside] = lines();
    assert.equal(warned!.msg, `call ${REDACTED} back`);
    assert.equal(warned!.detail, `kept ${REDACTED} on hold`);
    assert.equal(failed!.msg, `constraint failed for ${REDACTED}`);
    assert.equal(outside!.msg, `ssn ${REDACTED}`);
  });
});
