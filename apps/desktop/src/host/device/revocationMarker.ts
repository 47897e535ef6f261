import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Revocation } from './revocation.ts';

/** What a wiped workstation keeps: when and why it was revoked and when its data was erased. No patient data. */
export interface RevocationMarker extends Revocation {
  erasedAt: string;
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
    return { revokedAt: text(parsed.revokedAt), reason: text(parsed.reason), erasedAt: text(parsed.erasedAt) };
  } catch {
    return { revokedAt: '', reason: '', erasedAt: '' };
  }
}

export function removeRevocationMarker(dataDir: string): void {
  rmSync(join(dataDir, REVOCATION_MARKER_FILE), { force: true });
}
