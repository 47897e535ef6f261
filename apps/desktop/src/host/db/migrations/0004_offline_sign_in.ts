import type { Migration } from './migration.ts';

/**
 * Offline sign-in, idle auto-lock, break-glass and the author of each change:
 * - offline_credentials: one password verifier per user who signed in online here (scrypt, random salt, the
 *   parameters stored with it), the local failed-attempt count and lock-out, and `disabled_at` once the server said
 *   the account is no longer active (offline sign-in is refused from then on).
 * - tenant_policy: the clinic's policy as the server last sent it (idle lock minutes), for offline sessions.
 * - break_glass_reasons: the free-text reason of each break-glass access, kept only here (the audit entry holds its
 *   category and a hash of the text, never the text).
 * - outbox.user_id: who made each change, sent with it so an offline change is credited to its author.
 * - patients.restricted: a restricted patient's chart needs a break-glass reason.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'offline-sign-in',
  up(db) {
    db.exec(`
      CREATE TABLE offline_credentials (
        user_id TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        verifier TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        disabled_at TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX offline_credentials_email ON offline_credentials (email);

      CREATE TABLE tenant_policy (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        idle_lock_minutes INTEGER NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE break_glass_reasons (
        audit_event_id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        patient_id TEXT NOT NULL,
        category TEXT NOT NULL,
        reason TEXT NOT NULL,
        granted_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE outbox ADD COLUMN user_id TEXT;
      ALTER TABLE patients ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
