import type { z } from 'zod';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors/appError.ts';
import { parseOrThrow } from '../errors/validation.ts';
import { auditEventSchema, deviceAuditEventSchema } from './auditEvent.ts';
import { auditEvent, deviceEvent, eventContext } from './testEvents.ts';

const context = eventContext();

function issuesOf(value: unknown, schema: z.ZodType = auditEventSchema): Array<{ path: string; message: string }> {
  const result = schema.safeParse(value);
  assert.equal(result.success, false, 'expected the event to be refused');
  return result.error!.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('audit event schema', () => {
  it('accepts events with the ASTM E2147 fields', () => {
    for (let n = 0; n < 6; n++) {
      const event = auditEvent(context, n);
      assert.deepEqual(auditEventSchema.parse(event), event);
    }
  });

  it('accepts a failed sign-in with no known user, from the server console', () => {
    const event = {
      ...auditEvent(context, 0),
      actor: { userId: null, role: null },
      device: { deviceId: null, workstation: 'sync-server console' },
      patientId: null,
      action: 'sign-in-failed',
      outcome: 'failure',
      detail: { reasonCode: 'bad-credentials', attempt: 3 },
    };
    assert.equal(auditEventSchema.safeParse(event).success, true);
  });

  it('refuses fields it does not know, so nothing unhashed or unexpected rides along', () => {
    assert.deepEqual(issuesOf({ ...auditEvent(context, 0), patientName: 'x' }).map((issue) => issue.path), ['']);
    assert.deepEqual(issuesOf({ ...auditEvent(context, 0), actor: { userId: null, role: null, name: 'x' } }).map((issue) => issue.path), ['actor']);
  });

  it('refuses an unknown action, outcome or role, naming the field', () => {
    const event = auditEvent(context, 0);
    assert.deepEqual(issuesOf({ ...event, action: 'peek' }).map((issue) => issue.path), ['action']);
    assert.deepEqual(issuesOf({ ...event, outcome: 'maybe' }).map((issue) => issue.path), ['outcome']);
    assert.deepEqual(issuesOf({ ...event, actor: { ...event.actor, role: 'janitor' } }).map((issue) => issue.path), ['actor.role']);
  });

  it('requires UTC timestamps for occurredAt and recordedAt', () => {
    const event = auditEvent(context, 0);
    assert.deepEqual(issuesOf({ ...event, occurredAt: '2024-05-17' }).map((issue) => issue.path), ['occurredAt']);
    assert.deepEqual(issuesOf({ ...event, recordedAt: 'yesterday' }).map((issue) => issue.path), ['recordedAt']);
  });

  it('requires entity, record and revision when a change succeeds, and not when it fails', () => {
    const update = { ...auditEvent(context, 2), entity: null, recordId: null, recordRev: null };
    assert.equal(update.action, 'update');
    assert.deepEqual(
      issuesOf(update).map((issue) => issue.path),
      ['entity', 'recordId', 'recordRev'],
    );
    assert.equal(auditEventSchema.safeParse({ ...update, outcome: 'denied' }).success, true);
  });

  it('keeps a search query to its shape in the detail, never its text', () => {
    const search = auditEvent(context, 1);
    assert.equal(search.action, 'search');
    assert.equal(auditEventSchema.safeParse({ ...search, detail: { kind: 'name', tokens: 2 } }).success, true);
    const refused = [
      { query: 'gulgowski' },
      { q: 'x' },
      { givenName: 'x' },
      { kind: 'Edward Gulgowski' },
      { kind: '999-87-9731' },
      { kind: '1992-09-13' },
      { kind: 'edward@example.com' },
      { kind: 'x'.repeat(101) },
      { nested: { kind: 'name' } },
      Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`fact${i}`, i])),
    ];
    for (const detail of refused) {
      const issues = issuesOf({ ...search, detail });
      assert.ok(issues.every((issue) => issue.path.startsWith('detail')), JSON.stringify(issues));
    }
  });

  it('reports problems without repeating the value', () => {
    const event = { ...auditEvent(context, 1), detail: { kind: 'Edward Gulgowski 999-87-9731' } };
    assert.throws(
      () => parseOrThrow(auditEventSchema, event, 'Audit event'),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'VALIDATION' &&
        error.issues.some((issue) => issue.path === 'detail.kind') &&
        !JSON.stringify({ message: error.message, issues: error.issues }).match(/Gulgowski|999-87/),
    );
  });

  it('takes device events without recordedAt, and only from a named device', () => {
    const event = deviceEvent(context, 0);
    assert.equal(deviceAuditEventSchema.safeParse(event).success, true);
    assert.deepEqual(
      issuesOf({ ...event, recordedAt: '2024-05-17T12:30:00.000Z' }, deviceAuditEventSchema).map((issue) => issue.path),
      [''],
    );
    assert.deepEqual(
      issuesOf({ ...event, device: { deviceId: null, workstation: 'x' } }, deviceAuditEventSchema).map((issue) => issue.path),
      ['device.deviceId'],
    );
  });
});
