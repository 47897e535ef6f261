import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditCsv, csvField } from './auditCsv.ts';
import type { AuditReportRow } from './auditReport.ts';

describe('audit CSV', () => {
  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('Room 2, East'), '"Room 2, East"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('cr\rlf'), '"cr\rlf"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t']) assert.equal(csvField(`${start}SUM(A1)`), `'${start}SUM(A1)`);
    assert.equal(csvField('=HYPERLINK("x", "y")'), `"'=HYPERLINK(""x"", ""y"")"`);
  });

  it('writes nothing for null, numbers as they are and objects as canonical JSON', () => {
    assert.equal(csvField(null), '');
    assert.equal(csvField(42), '42');
    assert.equal(csvField({ tokens: 2, kind: 'name' }), '"{""kind"":""name"",""tokens"":2}"');
  });

  it('writes a header and one CRLF-terminated line per row, in the given order', () => {
    const row: AuditReportRow = {
      seq: 7,
      id: '0190b5a4-0000-7000-8000-000000000001',
      occurredAt: '2024-05-17T12:30:45.123Z',
      recordedAt: '2024-05-17T12:31:00.000Z',
      userId: null,
      role: null,
      deviceId: null,
      workstation: 'sync-server',
      patientId: null,
      action: 'audit-checkpoint',
      outcome: 'success',
      entity: null,
      recordId: null,
      recordRev: null,
      detail: { trigger: 'schedule' },
      deviceSeq: null,
    };
    assert.equal(
      auditCsv([row]),
      'seq,occurredAt,recordedAt,userId,role,deviceId,workstation,patientId,action,outcome,entity,recordId,recordRev,deviceSeq,id,detail\r\n' +
        '7,2024-05-17T12:30:45.123Z,2024-05-17T12:31:00.000Z,,,,sync-server,,audit-checkpoint,success,,,,,0190b5a4-0000-7000-8000-000000000001,"{""trigger"":""schedule""}"\r\n',
    );
  });
});
