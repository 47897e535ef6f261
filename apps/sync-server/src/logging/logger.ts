import { REDACTED, redactLogArguments, redactPaths, redactValue, textsOf } from '@eonpro/core';
import { pino, type Logger, type LoggerOptions } from 'pino';
import { knownValuesIn } from './callKnownValues.ts';

export type { Logger };

const LOGGER_NAME = 'sync-server';

/**
 * Structured JSON logs, one object per line, each with a request id where a request is being served. Callers
 * log ids, codes and counts only; the redaction here is the second line of defence (core's redact): sensitive
 * keys by path, every other string by pattern (dates, SSNs, phones, emails, addresses, tokens), plus the names
 * and identifiers of the record the current call handles (see callKnownValues.ts).
 */
export function createLogger(options: { level?: string; file?: string } = {}): Logger {
  const config: LoggerOptions = { name: LOGGER_NAME, level: options.level ?? 'info', ...phiSafeOptions() };
  if (!options.file) return pino(config);
  return pino(config, pino.destination({ dest: options.file, sync: true, mkdir: true }));
}

function phiSafeOptions(): LoggerOptions {
  return {
    redact: { paths: [...redactPaths], censor: REDACTED },
    // redactValue (below) has already turned an error into its type, message and stack, all redacted.
    serializers: { err: (error: unknown) => error },
    formatters: {
      log: (object) => redactValue(object, { knownValues: knownValuesIn(textsOf(object)) }) as Record<string, unknown>,
      // Bindings: the logger's own name stays; a child's fields (request ids) are redacted like any others.
      bindings: ({ name, ...rest }) => ({ ...(name === LOGGER_NAME ? { name } : {}), ...(redactValue(rest) as Record<string, unknown>) }),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, redactLogArguments(args as unknown[], knownValuesIn) as Parameters<typeof method>);
      },
    },
  };
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
