import { entities, formatPath, parseHlc, type EntityName } from '@eonpro/core';
import { reject, type Change, type Rejection } from './change.ts';

/** Field times further ahead of the server's clock than this are refused (DESIGN.md §4, clocks). */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

const ENTITY_LABEL: Record<EntityName, string> = {
  patient: 'A patient',
  allergy: 'An allergy',
  condition: 'A condition',
  medication: 'A medication',
};

/**
 * Everything about a change that can be checked without the database: its operation, its field names, its
 * values (create: the entity's whole schema; update: only the fields it sets) and its clocks. Returns the
 * parsed (trimmed, normalised) values of the fields the change sets.
 */
export function validateChange(change: Change, nowMs: number): { ok: true; fields: Record<string, unknown> } | { ok: false; rejection: Rejection } {
  const definition = entities[change.entity];
  const fail = (rejection: Rejection) => ({ ok: false as const, rejection });

  if (definition.appendOnly && change.op !== 'create') {
    return fail(reject('APPEND_ONLY', `${ENTITY_LABEL[change.entity]} entry cannot be changed or deleted once recorded. Record a new entry that amends it.`, 'op'));
  }
  for (const [field, rev] of Object.entries(change.fieldRevs)) {
    const aheadMs = parseHlc(rev).wallMs - nowMs;
    if (aheadMs > MAX_CLOCK_AHEAD_MS) {
      const minutes = Math.ceil(aheadMs / 60_000);
      return fail(
        reject(
          'CLOCK_AHEAD',
          `This workstation's clock is about ${minutes} minutes ahead of the server's clock. Correct the workstation's date and time, then enter the change again.`,
          formatPath(['fieldRevs', field]),
        ),
      );
    }
  }

  if (change.op === 'delete') {
    const extra = Object.keys(change.fields)[0];
    return extra === undefined ? { ok: true, fields: {} } : fail(reject('VALIDATION', 'A delete cannot also set fields.', formatPath(['fields', extra])));
  }

  const shape = definition.fields.shape as Record<string, unknown>;
  for (const field of Object.keys(change.fields)) {
    if (!Object.hasOwn(shape, field)) return fail(reject('VALIDATION', `${ENTITY_LABEL[change.entity]} has no field with this name.`, formatPath(['fields', field])));
    if (!Object.hasOwn(change.fieldRevs, field)) return fail(reject('VALIDATION', 'The time this field was changed is missing.', formatPath(['fieldRevs', field])));
  }
  for (const field of Object.keys(change.fieldRevs)) {
    if (!Object.hasOwn(change.fields, field)) return fail(reject('VALIDATION', 'A change time was sent for a field this change does not set.', formatPath(['fieldRevs', field])));
  }
  if (change.op === 'update' && Object.keys(change.fields).length === 0) {
    return fail(reject('VALIDATION', 'An update must change at least one field.', 'fields'));
  }

  const schema = change.op === 'create' ? definition.fields : definition.fields.partial();
  const parsed = schema.safeParse(change.fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const missing = issue.path.length === 1 && !Object.hasOwn(change.fields, issue.path[0] as string);
    return fail(reject('VALIDATION', missing ? 'Required' : issue.message, formatPath(['fields', ...issue.path])));
  }

  const values = parsed.data as Record<string, unknown>;
  if (change.op === 'create') return { ok: true, fields: values };
  return { ok: true, fields: Object.fromEntries(Object.keys(change.fields).map((field) => [field, values[field] ?? null])) };
}
