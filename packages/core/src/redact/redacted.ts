/** What stands in for anything redacted, in text and in log objects alike. */
export const REDACTED = '[REDACTED]';
