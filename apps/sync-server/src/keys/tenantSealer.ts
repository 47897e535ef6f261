import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '@eonpro/core';
import type { Queryable } from '../db/database.ts';
import { gcmDecrypt, gcmEncrypt, KEY_BYTES } from './aesGcm.ts';
import type { KeyProvider } from './keyProvider.ts';
import { formatEnvelope, parseEnvelope, sealAad } from './sealedEnvelope.ts';
import { dataKeyVersion, insertDataKey, latestDataKey, lockTenantDataKeys, type StoredDataKey } from './tenantDataKeys.ts';

/**
 * Seals the most sensitive values (SSN, driver's licence, TOTP secrets) under the tenant's own data key with
 * AES-256-GCM. `tx` is a transaction scoped to `tenantId` (src/tenancy); `purpose` names what the value is
 * (e.g. `patient.ssn`) and must be the same to open it.
 */
export interface TenantSealer {
  seal(tx: Queryable, tenantId: string, plaintext: string, purpose: string): Promise<string>;
  open(tx: Queryable, tenantId: string, sealed: string, purpose: string): Promise<string>;
}

/** A sealed value that does not open: altered, another tenant's or purpose's, or its data key is gone. */
export function sealedValueRefused(): AppError {
  return new AppError('INTERNAL', 'A protected value could not be opened: it was altered, or it belongs to another clinic or field.');
}

/**
 * The sealer over the tenant_data_keys table. A tenant's first data key is made at its first seal. Unwrapped
 * keys are cached in memory only, by their wrapped form, so a key is never taken from the cache for a row
 * that does not hold it (a rolled-back first key, a rotation).
 */
export class DataKeySealer implements TenantSealer {
  private readonly unwrapped = new Map<string, Buffer>();

  constructor(private readonly provider: KeyProvider) {}

  async seal(tx: Queryable, tenantId: string, plaintext: string, purpose: string): Promise<string> {
    checkPurpose(purpose);
    const stored = (await latestDataKey(tx, tenantId)) ?? (await this.createFirstKey(tx, tenantId));
    const key = await this.dataKey(stored);
    const { nonce, sealed } = gcmEncrypt(key, Buffer.from(plaintext, 'utf8'), sealAad(tenantId, purpose, stored.version));
    return formatEnvelope({ keyVersion: stored.version, nonce, sealed });
  }

  async open(tx: Queryable, tenantId: string, sealed: string, purpose: string): Promise<string> {
    checkPurpose(purpose);
    const envelope = parseEnvelope(sealed);
    if (!envelope) throw sealedValueRefused();
    const stored = await dataKeyVersion(tx, tenantId, envelope.keyVersion);
    if (!stored) throw sealedValueRefused();
    const plaintext = gcmDecrypt(await this.dataKey(stored), envelope, sealAad(tenantId, purpose, envelope.keyVersion));
    if (!plaintext) throw sealedValueRefused();
    return plaintext.toString('utf8');
  }

  private async createFirstKey(tx: Queryable, tenantId: string): Promise<StoredDataKey> {
    // Under the lock a master key rotation takes too: the key is wrapped under the version that rotation leaves.
    await lockTenantDataKeys(tx, tenantId);
    // Another transaction may have made it first: its key is the one that counts.
    const existing = await latestDataKey(tx, tenantId);
    if (existing) return existing;
    await insertDataKey(tx, { tenantId, version: 1, wrapped: await this.provider.wrap(randomBytes(KEY_BYTES)) });
    const stored = await latestDataKey(tx, tenantId);
    if (!stored) throw new AppError('INTERNAL', "The clinic's data key could not be stored.");
    return stored;
  }

  private async dataKey(stored: StoredDataKey): Promise<Buffer> {
    const cacheKey = createHash('sha256').update(`${stored.tenantId}|${stored.version}|${stored.wrapped.keyId}|${stored.wrapped.keyVersion}|${stored.wrapped.ciphertext}`).digest('base64url');
    const cached = this.unwrapped.get(cacheKey);
    if (cached) return cached;
    const key = await this.provider.unwrap(stored.wrapped);
    if (key.length !== KEY_BYTES) throw sealedValueRefused();
    this.unwrapped.set(cacheKey, key);
    return key;
  }
}

function checkPurpose(purpose: string): void {
  if (!/^[a-z][a-zA-Z0-9.-]{0,63}$/.test(purpose)) throw new AppError('INTERNAL', 'A protected value was sealed for a purpose with an invalid name.');
}
