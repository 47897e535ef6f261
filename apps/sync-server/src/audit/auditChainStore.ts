import { GENESIS_HASH, appendToChain, chainHeadOf, genesisHead, type AuditChainEntry, type AuditEvent, type ChainHead, type DeviceLink } from '@eonpro/core';
import type { Queryable } from '../db/database.ts';
import { sha256Hex } from './chainHash.ts';

/** All functions here run inside a tenant-scoped transaction (tenancy/tenantScope.ts). */

interface AuditLogRow {
  seq: number;
  prev_hash: string;
  entry_hash: string;
  event: AuditEvent;
  device_seq: number | null;
  device_prev_hash: string | null;
  device_hash: string | null;
}

const ENTRY_COLUMNS = 'seq, prev_hash, entry_hash, event, device_seq, device_prev_hash, device_hash';

/**
 * The tenant chain's head, locked until the transaction ends: whoever appends next waits, so entries are numbered
 * one transaction at a time with no gaps. Creates the head on the tenant's first event.
 */
export async function lockChainHead(tx: Queryable): Promise<ChainHead> {
  const [row] = await tx.query<{ seq: number; head_hash: string }>(
    `insert into audit_chain_heads (tenant_id, seq, head_hash) values (app_current_tenant(), 0, $1)
     on conflict (tenant_id) do update set seq = audit_chain_heads.seq
     returning seq, head_hash`,
    [GENESIS_HASH],
  );
  return { seq: row!.seq, hash: row!.head_hash };
}

/** The head as last recorded by an append (genesis when the tenant has none); not locked. */
export async function readChainHead(tx: Queryable): Promise<ChainHead> {
  const [row] = await tx.query<{ seq: number; head_hash: string }>('select seq, head_hash from audit_chain_heads');
  return row ? { seq: row.seq, hash: row.head_hash } : genesisHead;
}

/**
 * Stores entries that follow the locked head and moves the head to the last of them, in one statement: the rows go
 * as one JSON array of positional arrays (no repeated column names to send and parse), and the head moves with them.
 */
export async function storeEntries(tx: Queryable, entries: readonly AuditChainEntry[]): Promise<void> {
  const last = entries.at(-1);
  if (!last) return;
  const rows = entries.map((entry) => [
    entry.seq,
    entry.prevHash,
    entry.entryHash,
    entry.event,
    entry.deviceLink?.deviceSeq ?? null,
    entry.deviceLink?.devicePrevHash ?? null,
    entry.deviceLink?.deviceHash ?? null,
  ]);
  const head = chainHeadOf(last);
  // The tenant comes from each event, so row-level security refuses an event made out for another tenant.
  await tx.query(
    `with stored as (
       insert into audit_log (tenant_id, ${ENTRY_COLUMNS})
       select (r -> 3 ->> 'tenantId')::uuid, (r ->> 0)::bigint, r ->> 1, r ->> 2, r -> 3, (r ->> 4)::bigint, r ->> 5, r ->> 6
       from jsonb_array_elements($1::jsonb) as r
     )
     update audit_chain_heads set seq = $2, head_hash = $3 where tenant_id = app_current_tenant()`,
    [JSON.stringify(rows), head.seq, head.hash],
  );
}

/** Appends events after the tenant chain's head, in order. */
export async function appendEntries(tx: Queryable, items: readonly { event: AuditEvent; deviceLink: DeviceLink | null }[]): Promise<void> {
  let head = await lockChainHead(tx);
  const entries: AuditChainEntry[] = [];
  for (const { event, deviceLink } of items) {
    const entry = appendToChain(head, event, sha256Hex, deviceLink);
    entries.push(entry);
    head = chainHeadOf(entry);
  }
  await storeEntries(tx, entries);
}

/** Up to `limit` entries after `afterSeq`, in sequence order, exactly as stored (tampered or not). */
export async function readEntries(tx: Queryable, afterSeq: number, limit: number): Promise<AuditChainEntry[]> {
  const rows = await tx.query<AuditLogRow>(
    `select ${ENTRY_COLUMNS} from audit_log where tenant_id = app_current_tenant() and seq > $1 order by seq limit $2`,
    [afterSeq, limit],
  );
  return rows.map(toChainEntry);
}

export async function eventIdAt(tx: Queryable, seq: number): Promise<string | null> {
  const [row] = await tx.query<{ event_id: string }>('select event_id from audit_log where tenant_id = app_current_tenant() and seq = $1', [seq]);
  return row?.event_id ?? null;
}

/** The last link the tenant chain holds from a device (genesis when none). */
export async function deviceHeadOf(tx: Queryable, deviceId: string): Promise<ChainHead> {
  const [row] = await tx.query<{ device_seq: number; device_hash: string }>(
    `select device_seq, device_hash from audit_log
     where tenant_id = app_current_tenant() and device_id = $1 and device_seq is not null
     order by device_seq desc limit 1`,
    [deviceId],
  );
  return row ? { seq: row.device_seq, hash: row.device_hash } : genesisHead;
}

function toChainEntry(row: AuditLogRow): AuditChainEntry {
  const deviceLink =
    row.device_seq === null && row.device_prev_hash === null && row.device_hash === null
      ? null
      : ({ deviceSeq: row.device_seq, devicePrevHash: row.device_prev_hash, deviceHash: row.device_hash } as DeviceLink);
  return { seq: row.seq, prevHash: row.prev_hash, entryHash: row.entry_hash, event: row.event, deviceLink };
}
