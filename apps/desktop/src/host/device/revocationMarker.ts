import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Revocation } from './revocation.ts';

/**
 * What a wiped workstation keeps: when and why it was revoked, when its data was erased and how many of its changes
 * had not reached the clinic (erased with it; null when not known). No patient data.
 */
export interface RevocationMarker extends Revocation {
  erasedAt: string;
  unsentChanges: number | null;
}

export const REVOCATION_MARKER_FILE = 'workstation-revoked.json';

export function writeRevocationMarker(dataDir: string, marker: RevocationMarker): void {
  writeFileSync(join(dataDir, REVOCATION_MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`, { mode: 0o600 });
}

/** The marker of an earlier wipe, or null. A damaged marker still counts: the data is gone either way. */
export function readRevocationMarker(dataDir: string): RevocationMarker | null {
  const path = join(dataDir, REVOCATION_MARKER_FILE);
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<RevocationMarker>;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const count = Number.isSafeInteger(parsed.unsentChanges) && (parsed.unsentChanges as number) >= 0 ? (parsed.unsentChanges as number) : null;
    return { revokedAt: text(parsed.revokedAt), reason: text(parsed.reason), erasedAt: text(parsed.erasedAt), unsentChanges: count };
  } catch {
    return { revokedAt: '', reason: '', erasedAt: '', unsentChanges: null };
  }
}

export function removeRevocationMarker(dataDir: string): void {
  rmSync(join(dataDir, REVOCATION_MARKER_FILE), { force: true });
}
