import type { SignedCheckpoint } from '@eonpro/core';
import type { Queryable } from '../db/database.ts';

/** In a tenant-scoped transaction. */

interface CheckpointRow {
  tenant_id: string;
  seq: number;
  head_hash: string;
  signed_at: string;
  key_id: string;
  signature: string;
}

const COLUMNS = 'tenant_id, seq, head_hash, signed_at, key_id, signature';

export async function storeCheckpoint(tx: Queryable, checkpoint: SignedCheckpoint): Promise<void> {
  await tx.query(`insert into audit_checkpoints (${COLUMNS}) values ($1, $2, $3, $4, $5, $6)`, [
    checkpoint.tenantId,
    checkpoint.seq,
    checkpoint.headHash,
    checkpoint.signedAt,
    checkpoint.keyId,
    checkpoint.signature,
  ]);
}

/** The tenant's checkpoints, oldest first. */
export async function readCheckpoints(tx: Queryable): Promise<SignedCheckpoint[]> {
  const rows = await tx.query<CheckpointRow>(`select ${COLUMNS} from audit_checkpoints where tenant_id = app_current_tenant() order by seq`);
  return rows.map(toCheckpoint);
}

export async function latestCheckpoint(tx: Queryable): Promise<SignedCheckpoint | null> {
  const [row] = await tx.query<CheckpointRow>(
    `select ${COLUMNS} from audit_checkpoints where tenant_id = app_current_tenant() order by seq desc limit 1`,
  );
  return row ? toCheckpoint(row) : null;
}

function toCheckpoint(row: CheckpointRow): SignedCheckpoint {
  return { tenantId: row.tenant_id, seq: row.seq, headHash: row.head_hash, signedAt: row.signed_at, keyId: row.key_id, signature: row.signature };
}
