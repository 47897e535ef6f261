import type { Migration } from './migration.ts';

/**
 * The first schema: one table per synced entity (columns = core's entity fields through `columnName`, plus the
 * sync bookkeeping every row carries), the outbox, sync state, the patient name trigram index and local users.
 *
 * Clinical entries carry patient_id without a foreign key on purpose: rows arrive from the server in its order,
 * and one bad reference must not stop every later pull on this workstation.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE patients (
        id TEXT PRIMARY KEY,
        mrn TEXT NOT NULL,
        given_name TEXT NOT NULL,
        family_name TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        sex TEXT NOT NULL,
        phone TEXT,
        email TEXT,
        address_line TEXT,
        city TEXT,
        state TEXT,
        postal_code TEXT,
        deceased_date TEXT,
        source_id TEXT,
        rev TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        field_revs TEXT NOT NULL,
        updated_by_user TEXT,
        updated_by_device TEXT
      ) STRICT;
      CREATE INDEX patients_mrn ON patients (mrn COLLATE NOCASE);
      CREATE INDEX patients_birth_date ON patients (birth_date);
      CREATE INDEX patients_source_id ON patients (source_id) WHERE source_id IS NOT NULL;

      CREATE TABLE allergies (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL,
        substance TEXT NOT NULL,
        code TEXT,
        code_system TEXT,
        category TEXT,
        criticality TEXT,
        reaction TEXT,
        status TEXT NOT NULL,
        recorded_date TEXT NOT NULL,
        amends_id TEXT,
        source_id TEXT,
        rev TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        field_revs TEXT NOT NULL,
        updated_by_user TEXT,
        updated_by_device TEXT
      ) STRICT;
      CREATE INDEX allergies_patient ON allergies (patient_id);
      CREATE INDEX allergies_amends ON allergies (amends_id) WHERE amends_id IS NOT NULL;

      CREATE TABLE conditions (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL,
        display TEXT NOT NULL,
        code TEXT,
        code_system TEXT,
        clinical_status TEXT NOT NULL,
        onset_date TEXT,
        abatement_date TEXT,
        recorded_date TEXT NOT NULL,
        amends_id TEXT,
        source_id TEXT,
        rev TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        field_revs TEXT NOT NULL,
        updated_by_user TEXT,
        updated_by_device TEXT
      ) STRICT;
      CREATE INDEX conditions_patient ON conditions (patient_id);
      CREATE INDEX conditions_amends ON conditions (amends_id) WHERE amends_id IS NOT NULL;

      CREATE TABLE medications (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL,
        display TEXT NOT NULL,
        rxnorm_code TEXT,
        status TEXT NOT NULL,
        start_date TEXT,
        end_date TEXT,
        dosage_text TEXT,
        amends_id TEXT,
        source_id TEXT,
        rev TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        field_revs TEXT NOT NULL,
        updated_by_user TEXT,
        updated_by_device TEXT
      ) STRICT;
      CREATE INDEX medications_patient ON medications (patient_id);
      CREATE INDEX medications_amends ON medications (amends_id) WHERE amends_id IS NOT NULL;

      -- seq is the per-device gapless sequence the server checks; it is assigned, never autoincremented.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,
        mutation_id TEXT NOT NULL UNIQUE,
        schema_version INTEGER NOT NULL,
        entity TEXT NOT NULL,
        record_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
        fields TEXT NOT NULL,
        field_revs TEXT NOT NULL,
        base_rev TEXT,
        made_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rejected')),
        reject_code TEXT,
        reject_message TEXT,
        reject_path TEXT
      ) STRICT;
      CREATE INDEX outbox_status ON outbox (status, seq);
      CREATE INDEX outbox_record ON outbox (entity, record_id);

      -- The server's last known state of each record that has local outbox entries (NULL: the server has none),
      -- so a dismissed rejection can be undone without guessing.
      CREATE TABLE record_baselines (
        entity TEXT NOT NULL,
        record_id TEXT NOT NULL,
        server_state TEXT,
        PRIMARY KEY (entity, record_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL,
        tenant_id TEXT,
        cursor INTEGER NOT NULL DEFAULT 0,
        last_seq INTEGER NOT NULL DEFAULT 0,
        hlc TEXT,
        last_success_at TEXT,
        last_error TEXT
      ) STRICT;

      CREATE TABLE patient_search (
        gram TEXT NOT NULL,
        patient_id TEXT NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
        PRIMARY KEY (gram, patient_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX patient_search_patient ON patient_search (patient_id);

      CREATE TABLE local_users (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        tenant_name TEXT NOT NULL,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        role TEXT NOT NULL,
        last_signed_in_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
