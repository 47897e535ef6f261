import { canonicalJson } from './canonicalJson.ts';

/**
 * The canonical JSON a chain link hashes, written by one JSON.stringify of a copy whose keys are already in canonical
 * order: verifying a chain writes every entry again, and native serialisation is both quicker than writing the text
 * piece by piece and yields a flat string that hashes without another copy. The result is always exactly canonicalJson
 * of the same object (hashedText.test.ts holds the two together); an entry of any other shape (a field missing, added
 * or of an unexpected type, a nested or numbered detail) is written by canonicalJson itself.
 */

const EVENT_KEY_COUNT = 13;

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isSequence(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isTextOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isTextPair(value: unknown, first: string, second: string): value is Plain {
  return isPlainObject(value) && Object.keys(value).length === 2 && isTextOrNull(value[first]) && isTextOrNull(value[second]);
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** A flat detail as a copy with its keys sorted, ready for JSON.stringify; undefined for any other detail. */
function sortedDetail(detail: unknown): Plain | undefined {
  if (!isPlainObject(detail)) return undefined;
  const keys = Object.keys(detail);
  for (const key of keys) {
    // JSON.stringify writes integer-like keys first whatever their order, and `__proto__` cannot be copied as a plain key.
    const first = key.charCodeAt(0);
    if ((first >= DIGIT_0 && first <= DIGIT_9) || key === '__proto__') return undefined;
    const value = detail[key];
    if (!isTextOrNull(value) && typeof value !== 'boolean' && !isSequence(value)) return undefined;
  }
  if (keys.length < 2) return detail;
  keys.sort(); // by UTF-16 code units, as canonicalJson orders keys
  const sorted: Plain = {};
  for (const key of keys) sorted[key] = detail[key];
  return sorted;
}

/** The event as a copy in canonical key order, with or without `recordedAt`; undefined when it is not an event's usual shape. */
function canonicalEvent(event: unknown, withRecordedAt: boolean): Plain | undefined {
  if (!isPlainObject(event)) return undefined;
  const hasRecordedAt = 'recordedAt' in event;
  if (Object.keys(event).length !== (hasRecordedAt ? EVENT_KEY_COUNT : EVENT_KEY_COUNT - 1)) return undefined;
  const { action, actor, device, entity, id, occurredAt, outcome, patientId, recordId, recordRev, recordedAt, tenantId } = event;
  if (
    !isTextOrNull(action) ||
    !isTextPair(actor, 'role', 'userId') ||
    !isTextPair(device, 'deviceId', 'workstation') ||
    !isTextOrNull(entity) ||
    !isTextOrNull(id) ||
    !isTextOrNull(occurredAt) ||
    !isTextOrNull(outcome) ||
    !isTextOrNull(patientId) ||
    !isTextOrNull(recordId) ||
    !isTextOrNull(recordRev) ||
    (hasRecordedAt && !isTextOrNull(recordedAt)) ||
    !isTextOrNull(tenantId)
  ) {
    return undefined;
  }
  const detail = sortedDetail(event.detail);
  if (detail === undefined) return undefined;
  const canonicalActor = { role: actor.role, userId: actor.userId };
  const canonicalDevice = { deviceId: device.deviceId, workstation: device.workstation };
  return withRecordedAt && hasRecordedAt
    ? { action, actor: canonicalActor, detail, device: canonicalDevice, entity, id, occurredAt, outcome, patientId, recordId, recordRev, recordedAt, tenantId }
    : { action, actor: canonicalActor, detail, device: canonicalDevice, entity, id, occurredAt, outcome, patientId, recordId, recordRev, tenantId };
}

/** A device link as a copy in canonical key order, null, or undefined when it is neither null nor a plain three-field link. */
function canonicalDeviceLink(link: unknown): Plain | null | undefined {
  if (link === null) return null;
  if (!isPlainObject(link) || Object.keys(link).length !== 3 || !isSequence(link.deviceSeq)) return undefined;
  const { deviceHash, devicePrevHash, deviceSeq } = link;
  if (!isTextOrNull(deviceHash) || !isTextOrNull(devicePrevHash)) return undefined;
  return { deviceHash, devicePrevHash, deviceSeq };
}

/** canonicalJson({ seq, event, deviceLink }): what a tenant chain entry's hash covers. */
export function tenantEntryText(seq: unknown, event: unknown, deviceLink: unknown): string {
  const link = isSequence(seq) ? canonicalDeviceLink(deviceLink) : undefined;
  const canonical = link === undefined ? undefined : canonicalEvent(event, true);
  if (canonical === undefined) return canonicalJson({ seq, event, deviceLink });
  return JSON.stringify({ deviceLink: link, event: canonical, seq });
}

/** canonicalJson({ deviceSeq, event without recordedAt }): what a device chain entry's hash covers. */
export function deviceEntryText(deviceSeq: unknown, event: unknown): string {
  const canonical = isSequence(deviceSeq) ? canonicalEvent(event, false) : undefined;
  if (canonical !== undefined) return JSON.stringify({ deviceSeq, event: canonical });
  if (!isPlainObject(event)) return canonicalJson({ deviceSeq, event });
  const { recordedAt: _recordedAt, ...deviceEvent } = event;
  return canonicalJson({ deviceSeq, event: deviceEvent });
}
