-- The free-text reason of each break-glass access a workstation recorded, taken in with its audit entry
-- (src/audit/breakGlassReasons.ts). Stored only sealed under the tenant's data key (purpose audit.breakGlassReason);
-- the chained entry holds the reason's SHA-256 (detail.reasonDigest), so a changed reason no longer matches it.
-- Append-only like audit_log: eonpro_app may only INSERT and SELECT, and the trigger refuses UPDATE, DELETE and
-- TRUNCATE. Older data key versions stay, so a reason sealed under one still opens after a data key rotation.
create table break_glass_reasons (
  tenant_id uuid not null references tenants (id),
  audit_seq bigint not null,
  audit_event_id uuid not null,
  reason_sealed text not null check (reason_sealed like 'v1.%'),
  received_at timestamptz not null default now(),
  primary key (tenant_id, audit_seq),
  -- No foreign key to audit_log: it would make TRUNCATE of audit_log fail before that table's own trigger refuses it.
  -- The reason is bound to its entry by the digest the entry carries, which audit.verify checks.
  unique (tenant_id, audit_event_id)
);
select app_isolate_tenant('break_glass_reasons');
grant select, insert on break_glass_reasons to eonpro_app;
create trigger break_glass_reasons_append_only before update or delete on break_glass_reasons
  for each row execute function audit_refuse_change();
create trigger break_glass_reasons_no_truncate before truncate on break_glass_reasons
  for each statement execute function audit_refuse_change();
