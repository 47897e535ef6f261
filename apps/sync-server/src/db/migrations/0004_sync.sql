-- The tenant's change counter. Push bumps it with UPDATE ... RETURNING inside its transaction: the row lock
-- makes concurrent pushes of one tenant take their numbers in commit order, with no gaps.
create table tenant_sync_state (
  tenant_id uuid primary key references tenants (id),
  last_seq bigint not null default 0
);
select app_isolate_tenant('tenant_sync_state');
grant select, insert, update on tenant_sync_state to eonpro_app;

-- One row per record holding the seq of its latest change, so a pull returns each record once (compacted).
create table sync_log (
  tenant_id uuid not null references tenants (id),
  seq bigint not null,
  entity text not null,
  record_id uuid not null,
  primary key (tenant_id, entity, record_id),
  unique (tenant_id, seq)
);
select app_isolate_tenant('sync_log');
grant select, insert, update on sync_log to eonpro_app;

-- Every mutation a device pushed and what became of it, so a retried batch is answered, not re-applied.
create table applied_mutations (
  tenant_id uuid not null references tenants (id),
  device_id uuid not null,
  seq bigint not null,
  mutation_id uuid not null,
  entity text not null,
  record_id uuid not null,
  outcome text not null check (outcome in ('applied', 'rejected')),
  code text,
  message text,
  path text,
  recorded_at timestamptz not null default now(),
  primary key (tenant_id, device_id, seq),
  foreign key (tenant_id, device_id) references devices (tenant_id, id)
);
select app_isolate_tenant('applied_mutations');
grant select, insert on applied_mutations to eonpro_app;

-- Values that must not be lost silently: a safety-field conflict (both values kept here, the winner in the
-- record) or an edit that reached a deleted record.
create table review_tasks (
  tenant_id uuid not null references tenants (id),
  id uuid not null,
  entity text not null,
  record_id uuid not null,
  field text not null,
  kept_value jsonb,
  other_value jsonb,
  status text not null default 'open' check (status in ('open', 'resolved')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index review_tasks_open on review_tasks (tenant_id, status, created_at);
select app_isolate_tenant('review_tasks');
grant select, insert, update on review_tasks to eonpro_app;
