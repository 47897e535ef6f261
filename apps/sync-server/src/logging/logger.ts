import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Callers log ids, codes and counts only, never a patient's or user's details; the
 * redaction below is a second line of defence for a field name that slips through.
 */
const SENSITIVE_KEYS = [
  'password',
  'accessToken',
  'refreshToken',
  'authorization',
  'token',
  'email',
  'name',
  'clinicName',
  'adminName',
  'givenName',
  'familyName',
  'birthDate',
  'mrn',
  'phone',
  'fields',
  'input',
  'bundle',
];
// pino's own top-level `name` (the logger's name) stays; a `name` anywhere deeper is redacted.
const REDACTED_PATHS = [...SENSITIVE_KEYS.filter((key) => key !== 'name'), ...SENSITIVE_KEYS.map((key) => `*.${key}`)];

export function createLogger(options: { level?: string; file?: string } = {}): Logger {
  const config = { name: 'sync-server', level: options.level ?? 'info', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (!options.file) return pino(config);
  return pino(config, pino.destination({ dest: options.file, sync: true, mkdir: true }));
}

/**
 * What may be logged about an unexpected error: its type, database error code and constraint, and where it
 * happened. Not its message, which can quote a value (PostgreSQL's "Key (mrn)=(…) already exists").
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const details = error as Error & { code?: unknown; constraint?: unknown };
  return {
    type: error.name,
    ...(typeof details.code === 'string' ? { code: details.code } : {}),
    ...(typeof details.constraint === 'string' ? { constraint: details.constraint } : {}),
    frames: (error.stack ?? '').split('\n').slice(1, 8).map((line) => line.trim()),
  };
}
