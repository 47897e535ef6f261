import { AppError, type Issue } from '@eonpro/core';
import { TRPCClientError } from '@trpc/client';

/** When and why the clinic revoked this workstation, as the sync server said it. */
export interface Revocation {
  revokedAt: string;
  reason: string;
}

/** The server's DEVICE_REVOKED answer (from any procedure), or null for any other outcome. */
export function revocationOf(error: unknown): Revocation | null {
  if (!(error instanceof TRPCClientError) || !error.data) return null;
  const data = error.data as { appCode?: unknown; issues?: unknown };
  if (data.appCode !== 'DEVICE_REVOKED') return null;
  const issues = Array.isArray(data.issues) ? (data.issues as Issue[]) : [];
  const fact = (path: string) => issues.find((issue) => issue.path === path)?.message;
  const revokedAt = fact('revokedAt');
  return { revokedAt: revokedAt && !Number.isNaN(Date.parse(revokedAt)) ? revokedAt : new Date().toISOString(), reason: fact('reason') ?? '' };
}

export function revokedError(revocation: Revocation): AppError {
  return new AppError(
    'DEVICE_REVOKED',
    `This workstation was revoked by the clinic on ${revocation.revokedAt.slice(0, 10)}: ${revocation.reason}. Its local data has been erased.`,
  );
}
