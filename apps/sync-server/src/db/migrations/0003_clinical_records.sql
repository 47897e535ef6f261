-- One table per synced entity of @eonpro/core's `entities`: a typed column per field (named with columnName),
-- then the sync columns every record carries. test/routerSuite.ts (schema) checks the two stay in step.
-- Records are never deleted (a tombstone sets `deleted`), so eonpro_app gets no DELETE.

create table patients (
  tenant_id uuid not null references tenants (id),
  id uuid not null,
  mrn text not null,
  given_name text not null,
  family_name text not null,
  birth_date date not null,
  sex text not null,
  phone text,
  email text,
  address_line text,
  city text,
  state text,
  postal_code text,
  deceased_date date,
  source_id text,
  rev text not null,
  deleted boolean not null default false,
  field_revs jsonb not null,
  updated_by_user uuid not null,
  updated_by_device uuid not null,
  server_seq bigint not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, updated_by_user) references users (tenant_id, id),
  foreign key (tenant_id, updated_by_device) references devices (tenant_id, id)
);
create index patients_source_id on patients (tenant_id, source_id) where source_id is not null;
select app_isolate_tenant('patients');
grant select, insert, update on patients to eonpro_app;

create table allergies (
  tenant_id uuid not null references tenants (id),
  id uuid not null,
  patient_id uuid not null,
  substance text not null,
  code text,
  code_system text,
  category text,
  criticality text,
  reaction text,
  status text not null,
  recorded_date date not null,
  amends_id uuid,
  source_id text,
  rev text not null,
  deleted boolean not null default false,
  field_revs jsonb not null,
  updated_by_user uuid not null,
  updated_by_device uuid not null,
  server_seq bigint not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id),
  foreign key (tenant_id, amends_id) references allergies (tenant_id, id),
  foreign key (tenant_id, updated_by_user) references users (tenant_id, id),
  foreign key (tenant_id, updated_by_device) references devices (tenant_id, id)
);
create index allergies_patient on allergies (tenant_id, patient_id);
select app_isolate_tenant('allergies');
grant select, insert, update on allergies to eonpro_app;

create table conditions (
  tenant_id uuid not null references tenants (id),
  id uuid not null,
  patient_id uuid not null,
  display text not null,
  code text,
  code_system text,
  clinical_status text not null,
  onset_date date,
  abatement_date date,
  recorded_date date not null,
  amends_id uuid,
  source_id text,
  rev text not null,
  deleted boolean not null default false,
  field_revs jsonb not null,
  updated_by_user uuid not null,
  updated_by_device uuid not null,
  server_seq bigint not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id),
  foreign key (tenant_id, amends_id) references conditions (tenant_id, id),
  foreign key (tenant_id, updated_by_user) references users (tenant_id, id),
  foreign key (tenant_id, updated_by_device) references devices (tenant_id, id)
);
create index conditions_patient on conditions (tenant_id, patient_id);
select app_isolate_tenant('conditions');
grant select, insert, update on conditions to eonpro_app;

create table medications (
  tenant_id uuid not null references tenants (id),
  id uuid not null,
  patient_id uuid not null,
  display text not null,
  rxnorm_code text,
  status text not null,
  start_date date,
  end_date date,
  dosage_text text,
  amends_id uuid,
  source_id text,
  rev text not null,
  deleted boolean not null default false,
  field_revs jsonb not null,
  updated_by_user uuid not null,
  updated_by_device uuid not null,
  server_seq bigint not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id),
  foreign key (tenant_id, amends_id) references medications (tenant_id, id),
  foreign key (tenant_id, updated_by_user) references users (tenant_id, id),
  foreign key (tenant_id, updated_by_device) references devices (tenant_id, id)
);
create index medications_patient on medications (tenant_id, patient_id);
select app_isolate_tenant('medications');
grant select, insert, update on medications to eonpro_app;
