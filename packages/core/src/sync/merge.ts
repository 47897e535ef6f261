import { compareHlc, maxHlc, type Hlc } from './hlc.ts';

export interface FieldState {
  fields: Record<string, unknown>;
  fieldRevs: Record<string, Hlc>;
}

export interface FieldConflict {
  field: string;
  /** The value that won by HLC and is now in the record. */
  kept: unknown;
  /** The concurrent value that lost; kept for a person to review. */
  other: unknown;
}

export interface MergeResult extends FieldState {
  rev: Hlc | null;
  changedFields: string[];
  conflicts: FieldConflict[];
}

/**
 * Per-field last-writer-wins by HLC. Commutative and idempotent, so every replica converges whatever order
 * changes arrive in. Where a safety-critical field had a concurrent change to a different value (the incoming
 * change was made without having seen the current value), the loser is reported so nobody loses it silently.
 */
export function mergeFields(
  current: FieldState | null,
  incoming: FieldState,
  options: { safetyFields?: readonly string[]; baseRev?: Hlc | null } = {},
): MergeResult {
  const fields = { ...(current?.fields ?? {}) };
  const fieldRevs = { ...(current?.fieldRevs ?? {}) };
  const changedFields: string[] = [];
  const conflicts: FieldConflict[] = [];
  const safety = new Set(options.safetyFields ?? []);

  for (const [field, rev] of Object.entries(incoming.fieldRevs)) {
    if (!Object.hasOwn(incoming.fields, field)) continue;
    const value = incoming.fields[field];
    const currentRev = fieldRevs[field];
    const currentValue = fields[field];
    const concurrent =
      current !== null && currentRev !== undefined && !sameValue(currentValue, value) && isConcurrent(currentRev, options.baseRev);

    if (currentRev === undefined || compareHlc(rev, currentRev) > 0) {
      if (!sameValue(currentValue, value)) changedFields.push(field);
      if (concurrent && safety.has(field)) conflicts.push({ field, kept: value, other: currentValue });
      fields[field] = value;
      fieldRevs[field] = rev;
    } else if (concurrent && safety.has(field) && compareHlc(rev, currentRev) < 0) {
      conflicts.push({ field, kept: currentValue, other: value });
    }
  }

  const rev = Object.values(fieldRevs).reduce<Hlc | null>((acc, r) => maxHlc(acc, r), null);
  return { fields, fieldRevs, rev, changedFields, conflicts };
}

/** The current value was written after the state the incoming change was based on: neither saw the other. */
function isConcurrent(currentRev: Hlc, baseRev: Hlc | null | undefined): boolean {
  if (baseRev === undefined) return false;
  return baseRev === null || compareHlc(currentRev, baseRev) > 0;
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
