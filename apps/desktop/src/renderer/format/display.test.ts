import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dateText, patientName, sexLabel, todayIso } from './display.ts';
import { statusLabel } from './statusLabel.ts';

describe('display formats', () => {
  it('writes names family first', () => {
    assert.equal(patientName({ givenName: 'Ima', familyName: 'Reinger' }), 'Reinger, Ima');
  });

  it('writes dates with the month spelled out, whatever the time zone', () => {
    assert.equal(dateText('1990-04-16'), '16 Apr 1990');
    assert.equal(dateText(null), '—');
  });

  it('labels administrative sex', () => {
    assert.equal(sexLabel('female'), 'Female');
    assert.equal(sexLabel('unknown'), 'Unknown');
  });

  it('gives today as a local YYYY-MM-DD', () => {
    assert.equal(todayIso(new Date(2025, 0, 5, 23, 30)), '2025-01-05');
  });

  it('writes coded statuses as words', () => {
    assert.equal(statusLabel('entered-in-error'), 'Entered in error');
    assert.equal(statusLabel('active'), 'Active');
  });
});
