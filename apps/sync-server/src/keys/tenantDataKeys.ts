import type { Queryable } from '../db/database.ts';
import type { WrappedKey } from './keyProvider.ts';

/** One version of a tenant's data key, as stored: only ever wrapped by the master key. */
export interface StoredDataKey {
  tenantId: string;
  version: number;
  wrapped: WrappedKey;
}

interface Row {
  tenant_id: string;
  version: number;
  master_key_id: string;
  master_key_version: number;
  wrapped_key: string;
}

const COLUMNS = 'tenant_id, version, master_key_id, master_key_version, wrapped_key';

/** Serialises the transactions that add or re-wrap one tenant's data keys (until the transaction ends). */
export async function lockTenantDataKeys(tx: Queryable, tenantId: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`tenant-data-keys:${tenantId}`]);
}

/** The version new seals use: the tenant's newest, or null before its first seal. */
export async function latestDataKey(tx: Queryable, tenantId: string): Promise<StoredDataKey | null> {
  const [row] = await tx.query<Row>(`select ${COLUMNS} from tenant_data_keys where tenant_id = $1 order by version desc limit 1`, [tenantId]);
  return row ? fromRow(row) : null;
}

export async function dataKeyVersion(tx: Queryable, tenantId: string, version: number): Promise<StoredDataKey | null> {
  const [row] = await tx.query<Row>(`select ${COLUMNS} from tenant_data_keys where tenant_id = $1 and version = $2`, [tenantId, version]);
  return row ? fromRow(row) : null;
}

export async function allDataKeys(tx: Queryable, tenantId: string): Promise<StoredDataKey[]> {
  const rows = await tx.query<Row>(`select ${COLUMNS} from tenant_data_keys where tenant_id = $1 order by version`, [tenantId]);
  return rows.map(fromRow);
}

/** Stores a new version unless one with that number exists already (another transaction made it first). */
export async function insertDataKey(tx: Queryable, key: StoredDataKey): Promise<void> {
  await tx.query(
    `insert into tenant_data_keys (${COLUMNS}) values ($1, $2, $3, $4, $5) on conflict (tenant_id, version) do nothing`,
    [key.tenantId, key.version, key.wrapped.keyId, key.wrapped.keyVersion, key.wrapped.ciphertext],
  );
}

/** Replaces the wrapping of one version (master key rotation); the data key itself is unchanged. */
export async function rewrapDataKey(tx: Queryable, key: StoredDataKey): Promise<void> {
  await tx.query(
    'update tenant_data_keys set master_key_id = $3, master_key_version = $4, wrapped_key = $5 where tenant_id = $1 and version = $2',
    [key.tenantId, key.version, key.wrapped.keyId, key.wrapped.keyVersion, key.wrapped.ciphertext],
  );
}

function fromRow(row: Row): StoredDataKey {
  return {
    tenantId: row.tenant_id,
    version: row.version,
    wrapped: { keyId: row.master_key_id, keyVersion: row.master_key_version, ciphertext: row.wrapped_key },
  };
}
