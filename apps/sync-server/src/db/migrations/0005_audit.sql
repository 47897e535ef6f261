-- The tenant audit trail (ASTM E2147 fields), a SHA-256 hash chain per tenant; see src/audit and core's audit.
-- Append-only: eonpro_app may only INSERT and SELECT, and a trigger refuses UPDATE, DELETE and TRUNCATE even for
-- the owner. Someone who can switch the trigger off can still rewrite rows, which is what the chain, the signed
-- checkpoints and `npm run audit:verify` catch.

-- occurredAt is kept as the exact text that was hashed; this reads it as an instant for the report's date filter.
-- Immutable because every stored instant ends in Z, so the session's time zone cannot change the result.
create function audit_instant(text) returns timestamptz
  language sql immutable parallel safe
  as $$ select $1::timestamptz $$;

create function audit_refuse_change() returns trigger
  language plpgsql
  as $$
begin
  raise exception 'The audit trail is append-only: % on % is not allowed', tg_op, tg_table_name
    using errcode = 'insufficient_privilege';
end
$$;

create table audit_log (
  tenant_id uuid not null references tenants (id),
  seq bigint not null check (seq > 0),
  prev_hash text not null,
  entry_hash text not null,
  -- The hashed event exactly as core's AuditEvent; the columns below are read from it, so they cannot disagree.
  event jsonb not null,
  -- Where the event stood in its desktop's own chain; all three null for an event the server recorded.
  device_seq bigint,
  device_prev_hash text,
  device_hash text,
  event_id uuid generated always as ((event ->> 'id')::uuid) stored,
  occurred_at timestamptz generated always as (audit_instant(event ->> 'occurredAt')) stored,
  user_id uuid generated always as ((event -> 'actor' ->> 'userId')::uuid) stored,
  patient_id uuid generated always as ((event ->> 'patientId')::uuid) stored,
  device_id uuid generated always as ((event -> 'device' ->> 'deviceId')::uuid) stored,
  action text generated always as (event ->> 'action') stored,
  primary key (tenant_id, seq),
  check ((device_seq is null) = (device_hash is null) and (device_seq is null) = (device_prev_hash is null))
);
-- A device entry is taken in once: its (device, deviceSeq) is unique, so a retried batch cannot double it.
create unique index audit_log_device_link on audit_log (tenant_id, device_id, device_seq) where device_seq is not null;
create index audit_log_user on audit_log (tenant_id, user_id, seq);
create index audit_log_patient on audit_log (tenant_id, patient_id, seq);
create index audit_log_action on audit_log (tenant_id, action, seq);
create index audit_log_occurred on audit_log (tenant_id, occurred_at);
select app_isolate_tenant('audit_log');
grant select, insert on audit_log to eonpro_app;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_refuse_change();

-- Each tenant chain's last link. Appenders lock this row (UPDATE … RETURNING) so a tenant's entries are numbered
-- one transaction at a time, gaplessly, in commit order.
create table audit_chain_heads (
  tenant_id uuid primary key references tenants (id),
  seq bigint not null default 0,
  head_hash text not null
);
select app_isolate_tenant('audit_chain_heads');
grant select, insert, update on audit_chain_heads to eonpro_app;

-- Chain heads signed with the server's Ed25519 key: a chain that no longer reaches or matches one was cut or
-- rewritten. Append-only like the log.
create table audit_checkpoints (
  tenant_id uuid not null references tenants (id),
  seq bigint not null check (seq > 0),
  head_hash text not null,
  signed_at text not null,
  key_id text not null,
  signature text not null,
  primary key (tenant_id, seq)
);
select app_isolate_tenant('audit_checkpoints');
grant select, insert on audit_checkpoints to eonpro_app;
create trigger audit_checkpoints_append_only before update or delete on audit_checkpoints
  for each row execute function audit_refuse_change();
create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
  for each statement execute function audit_refuse_change();
