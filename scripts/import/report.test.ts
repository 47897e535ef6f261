import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportSummary } from '@eonpro/core';
import { fileOutcome, formatProgress, formatReport, importExitCode } from './report.ts';

const reason = 'not charted by EONPro Clinic yet';

function summary(overrides: Partial<ImportSummary>): ImportSummary {
  return {
    fileName: 'file.json',
    ok: true,
    patientsImported: 0,
    patientsAlreadyPresent: 0,
    allergies: 0,
    conditions: 0,
    medications: 0,
    skipped: [],
    issues: [],
    ...overrides,
  };
}

const imported = summary({
  fileName: 'Max_Dicki.json',
  patientsImported: 1,
  conditions: 6,
  medications: 8,
  skipped: [
    { resourceType: 'Observation', count: 96, reason },
    { resourceType: 'Claim', count: 25, reason },
  ],
});
const present = summary({ fileName: 'Trey_Berge.json', patientsAlreadyPresent: 1, skipped: [{ resourceType: 'Observation', count: 116, reason }] });
const failed = summary({
  fileName: 'broken.json',
  ok: false,
  issues: [
    { path: 'entry[0].resource.birthDate', message: 'Must be a real calendar date' },
    { path: '', message: 'Not valid JSON at line 2, column 3' },
  ],
});

describe('import report', () => {
  it('names each file outcome', () => {
    assert.equal(fileOutcome(imported), 'imported');
    assert.equal(fileOutcome(present), 'already present');
    assert.equal(fileOutcome(summary({ patientsImported: 1, patientsAlreadyPresent: 1 })), 'partly present');
    assert.equal(fileOutcome(failed), 'failed');
  });

  it('exits 0 when every file imported or was present, 1 when any failed', () => {
    assert.equal(importExitCode([imported, present]), 0);
    assert.equal(importExitCode([imported, failed, present]), 1);
  });

  it('prints progress with counts only', () => {
    assert.equal(
      formatProgress(3, 9, imported),
      '[3/9] Max_Dicki.json … 1 patient imported, 0 allergies, 6 conditions, 8 medications; 121 resources skipped',
    );
    assert.equal(formatProgress(4, 9, present), '[4/9] Trey_Berge.json … 1 patient already present; 116 resources skipped');
    assert.equal(formatProgress(5, 9, failed), '[5/9] broken.json … FAILED: 2 problems (listed below)');
  });

  it('ends with a table per file, totals, skipped resources by type and why, and every problem of failed files', () => {
    assert.equal(
      formatReport([imported, present, failed]),
      [
        'Import summary',
        '  File             Result           Imported  Present  Allergies  Conditions  Medications  Skipped',
        '  Max_Dicki.json   imported                1        0          0           6            8      121',
        '  Trey_Berge.json  already present         0        1          0           0            0      116',
        '  broken.json      failed                  0        0          0           0            0        0',
        '  Total                                    1        1          0           6            8      237',
        '',
        'Files: 3 — 1 imported, 1 already present, 0 partly present, 1 failed.',
        '',
        'Skipped resources:',
        `  Claim         25  ${reason}`,
        `  Observation  212  ${reason}`,
        '',
        'Failed files (nothing from them was imported):',
        '  broken.json',
        '    entry[0].resource.birthDate: Must be a real calendar date',
        '    (whole file): Not valid JSON at line 2, column 3',
      ].join('\n'),
    );
  });

  it('leaves out the skipped and failed sections when there is nothing to say', () => {
    const report = formatReport([summary({ patientsImported: 1 })]);
    assert.doesNotMatch(report, /Skipped resources|Failed files/);
  });
});
