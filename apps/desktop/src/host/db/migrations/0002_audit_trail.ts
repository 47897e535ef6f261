import { GENESIS_HASH } from '@eonpro/core';
import type { Migration } from './migration.ts';

/**
 * The workstation's own audit chain (core's device chain): one row per event, columns holding the event's fields so
 * an edited column changes what the entry hashes to. Rows are only ever added; the triggers stop the app (or a bug)
 * from changing one, and the hash chain shows anyone who goes around them with the key.
 *
 * audit_head keeps two heads: the last entry recorded here (a cut-off tail shows against it) and the last entry the
 * server acknowledged (entries after it are still to be sent). Neither may move backwards.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'audit-trail',
  up(db) {
    db.exec(`
      CREATE TABLE audit_entries (
        device_seq INTEGER PRIMARY KEY,
        device_prev_hash TEXT NOT NULL,
        device_hash TEXT NOT NULL,
        event_id TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        user_id TEXT,
        role TEXT,
        device_id TEXT NOT NULL,
        workstation TEXT NOT NULL,
        patient_id TEXT,
        action TEXT NOT NULL,
        outcome TEXT NOT NULL,
        entity TEXT,
        record_id TEXT,
        record_rev TEXT,
        detail TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER audit_entries_append_only_update BEFORE UPDATE ON audit_entries
      BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
      CREATE TRIGGER audit_entries_append_only_delete BEFORE DELETE ON audit_entries
      BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;

      CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        recorded_seq INTEGER NOT NULL,
        recorded_hash TEXT NOT NULL,
        acknowledged_seq INTEGER NOT NULL,
        acknowledged_hash TEXT NOT NULL
      ) STRICT;
      INSERT INTO audit_head (id, recorded_seq, recorded_hash, acknowledged_seq, acknowledged_hash)
      VALUES (1, 0, '${GENESIS_HASH}', 0, '${GENESIS_HASH}');

      CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
      WHEN NEW.recorded_seq < OLD.recorded_seq OR NEW.acknowledged_seq < OLD.acknowledged_seq
        OR NEW.acknowledged_seq > NEW.recorded_seq
      BEGIN SELECT RAISE(ABORT, 'audit heads only move forward'); END;
      CREATE TRIGGER audit_head_kept BEFORE DELETE ON audit_head
      BEGIN SELECT RAISE(ABORT, 'the audit head is kept'); END;
    `);
  },
};
