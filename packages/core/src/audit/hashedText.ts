import { canonicalJson, writeString } from './canonicalJson.ts';

/**
 * The canonical JSON a chain link hashes, written directly for the shape audit events have: verifying a chain
 * writes every entry again, and the general canonicalJson takes nearly twice as long. The result is always exactly
 * canonicalJson of the same object (hashedText.test.ts holds the two together); an entry of any other shape
 * (a field missing, added or of an unexpected type) is written by canonicalJson itself.
 */

const EVENT_KEY_COUNT = 13;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isSequence(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function textOrNull(value: unknown): string | undefined {
  if (typeof value === 'string') return writeString(value);
  return value === null ? 'null' : undefined;
}

/** `{"first":…,"second":…}` for a plain object of exactly those two string-or-null fields, else undefined. */
function pairText(value: unknown, first: string, second: string): string | undefined {
  if (!isPlainObject(value) || Object.keys(value).length !== 2) return undefined;
  const firstText = textOrNull(value[first]);
  const secondText = textOrNull(value[second]);
  if (firstText === undefined || secondText === undefined) return undefined;
  return `{"${first}":${firstText},"${second}":${secondText}}`;
}

/** The event's canonical JSON, with or without `recordedAt`; undefined when it is not an event's usual shape. */
function eventText(event: unknown, withRecordedAt: boolean): string | undefined {
  if (!isPlainObject(event) || event.detail === undefined) return undefined;
  const hasRecordedAt = 'recordedAt' in event;
  if (Object.keys(event).length !== (hasRecordedAt ? EVENT_KEY_COUNT : EVENT_KEY_COUNT - 1)) return undefined;
  const parts = [
    textOrNull(event.action),
    pairText(event.actor, 'role', 'userId'),
    pairText(event.device, 'deviceId', 'workstation'),
    textOrNull(event.entity),
    textOrNull(event.id),
    textOrNull(event.occurredAt),
    textOrNull(event.outcome),
    textOrNull(event.patientId),
    textOrNull(event.recordId),
    textOrNull(event.recordRev),
    hasRecordedAt ? textOrNull(event.recordedAt) : '',
    textOrNull(event.tenantId),
  ];
  if (parts.includes(undefined)) return undefined;
  const [action, actor, device, entity, id, occurredAt, outcome, patientId, recordId, recordRev, recordedAt, tenantId] = parts;
  const stamp = withRecordedAt && hasRecordedAt ? `,"recordedAt":${recordedAt}` : '';
  return (
    `{"action":${action},"actor":${actor},"detail":${canonicalJson(event.detail)},"device":${device}` +
    `,"entity":${entity},"id":${id},"occurredAt":${occurredAt},"outcome":${outcome},"patientId":${patientId}` +
    `,"recordId":${recordId},"recordRev":${recordRev}${stamp},"tenantId":${tenantId}}`
  );
}

/** A device link's canonical JSON, or undefined when it is neither null nor a plain three-field link. */
function deviceLinkText(link: unknown): string | undefined {
  if (link === null) return 'null';
  if (!isPlainObject(link) || Object.keys(link).length !== 3 || !isSequence(link.deviceSeq)) return undefined;
  const deviceHash = textOrNull(link.deviceHash);
  const devicePrevHash = textOrNull(link.devicePrevHash);
  if (deviceHash === undefined || devicePrevHash === undefined) return undefined;
  return `{"deviceHash":${deviceHash},"devicePrevHash":${devicePrevHash},"deviceSeq":${link.deviceSeq}}`;
}

/** canonicalJson({ seq, event, deviceLink }): what a tenant chain entry's hash covers. */
export function tenantEntryText(seq: unknown, event: unknown, deviceLink: unknown): string {
  const linkJson = isSequence(seq) ? deviceLinkText(deviceLink) : undefined;
  const eventJson = linkJson === undefined ? undefined : eventText(event, true);
  if (eventJson === undefined) return canonicalJson({ seq, event, deviceLink });
  return `{"deviceLink":${linkJson},"event":${eventJson},"seq":${seq}}`;
}

/** canonicalJson({ deviceSeq, event without recordedAt }): what a device chain entry's hash covers. */
export function deviceEntryText(deviceSeq: unknown, event: unknown): string {
  const eventJson = isSequence(deviceSeq) ? eventText(event, false) : undefined;
  if (eventJson !== undefined) return `{"deviceSeq":${deviceSeq},"event":${eventJson}}`;
  if (!isPlainObject(event)) return canonicalJson({ deviceSeq, event });
  const { recordedAt: _recordedAt, ...deviceEvent } = event;
  return canonicalJson({ deviceSeq, event: deviceEvent });
}
