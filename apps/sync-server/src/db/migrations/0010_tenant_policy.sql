-- The clinic's security policy (src/policy): one row per tenant, read by every signed-in user's workstation at
-- sign-in and each sync; only administrators change it. No row means the defaults (idle lock after 10 minutes).
create table tenant_policies (
  tenant_id uuid primary key references tenants (id),
  idle_lock_minutes integer not null check (idle_lock_minutes between 1 and 60),
  updated_by uuid not null,
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, updated_by) references users (tenant_id, id)
);
select app_isolate_tenant('tenant_policies');
grant select, insert, update on tenant_policies to eonpro_app;

-- A restricted patient's chart needs a break-glass reason on the workstation; only an administrator sets it.
alter table patients add column restricted boolean not null default false;
