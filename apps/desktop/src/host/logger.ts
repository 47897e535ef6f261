import { REDACTED, redactPaths, redactValue, textRedactor } from '@eonpro/core';
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
        method.apply(this, redactedArguments(args as unknown[]) as Parameters<typeof method>);
      },
    },
  };
  return pino(config, pino.destination({ dest: logPath, sync: true, mkdir: true, mode: 0o600 }));
}

/**
 * A log call's arguments with every message redacted. pino takes an error's own message as the line's message
 * when none is given (`log.error(err)`); that message is made explicit here so it is redacted too.
 */
function redactedArguments(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  let explicit = args;
  if (first instanceof Error) explicit = [{ err: first }, ...(rest.length > 0 ? rest : [first.message])];
  else if (rest.length === 0 && typeof first === 'object' && first !== null && (first as { err?: unknown }).err instanceof Error) {
    explicit = [first, (first as { err: Error }).err.message];
  }
  return explicit.map((arg, index) => {
    if (typeof arg === 'string') return textRedactor({ knownValues: knownValuesIn([arg]) })(arg);
    return index === 0 ? arg : redactValue(arg, { knownValues: knownValuesIn(textsOf(arg)) });
  });
}

/** Every string in a logged value, an error's message and stack included. */
function textsOf(value: unknown, texts: string[] = [], seen = new Set<object>()): string[] {
  if (typeof value === 'string') texts.push(value);
  else if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value);
    if (value instanceof Error) texts.push(value.message, value.stack ?? '');
    for (const item of value instanceof Map || value instanceof Set ? value.values() : Object.values(value)) textsOf(item, texts, seen);
    if (value instanceof Error && value.cause !== undefined) textsOf(value.cause, texts, seen);
  }
  return texts;
}
