import { pino, type Logger } from 'pino';

/**
 * Structured JSON log in the data folder. Callers log ids and counts only; the redaction below is a second
 * line of defence for a field name that slips through, not a licence to log records.
 */
const REDACTED_PATHS = [
  'password',
  'passphrase',
  'accessToken',
  'refreshToken',
  'token',
  'email',
  'name',
  'givenName',
  'familyName',
  'birthDate',
  'mrn',
  'phone',
  'fields',
  '*.password',
  '*.passphrase',
  '*.accessToken',
  '*.refreshToken',
  '*.email',
  '*.name',
  '*.givenName',
  '*.familyName',
  '*.birthDate',
  '*.mrn',
  '*.phone',
  '*.fields',
];

export type HostLogger = Logger;

export function createHostLogger(logPath: string, level = process.env.EONPRO_LOG_LEVEL ?? 'info'): HostLogger {
  return pino(
    // `service` rather than pino's `name`, so a stray top-level `name` field is redacted like any other.
    { base: { service: 'desktop-host', pid: process.pid }, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    pino.destination({ dest: logPath, sync: true, mkdir: true, mode: 0o600 }),
  );
}
