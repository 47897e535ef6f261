import { REDACTED, redactLogArguments, redactPaths, redactValue, textsOf } from '@eonpro/core';
import { pino, type Logger, type LoggerOptions } from 'pino';
import { knownValuesIn } from './logKnownValues.ts';

export type HostLogger = Logger;

export interface HostLoggerOptions {
  level?: string;
  /** This workstation's device id once its database is open (null while locked); stamped on every line. */
  deviceId?: () => string | null;
}

/**
 * Structured JSON log in the data folder, one object per line with the device id. Callers log ids and counts
 * only; the redaction here is the second line of defence (core's redact): sensitive keys by path, every other
 * string by pattern (dates, SSNs, phones, emails, addresses, tokens), plus the names and identifiers given to
 * the current call (logKnownValues.ts).
 */
export function createHostLogger(logPath: string, options: HostLoggerOptions = {}): HostLogger {
  const deviceId = options.deviceId ?? (() => null);
  const config: LoggerOptions = {
    // `service` rather than pino's `name`, so a stray top-level `name` field is redacted like any other.
    base: { service: 'desktop-host', pid: process.pid },
    level: options.level ?? process.env.EONPRO_LOG_LEVEL ?? 'info',
    mixin: () => {
      const id = deviceId();
      return id === null ? {} : { deviceId: id };
    },
    redact: { paths: [...redactPaths], censor: REDACTED },
    // redactValue (below) has already turned an error into its type, message and stack, all redacted.
    serializers: { err: (error: unknown) => error },
    formatters: {
      log: (object) => redactValue(object, { knownValues: knownValuesIn(textsOf(object)) }) as Record<string, unknown>,
      bindings: (bindings) => redactValue(bindings) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, redactLogArguments(args as unknown[], knownValuesIn) as Parameters<typeof method>);
      },
    },
  };
  return pino(config, pino.destination({ dest: logPath, sync: true, mkdir: true, mode: 0o600 }));
}

