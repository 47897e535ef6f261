create table users (
  tenant_id uuid not null references tenants (id),
  id uuid not null,
  name text not null,
  email text not null,
  role text not null check (role in ('front_desk', 'nurse', 'prescriber', 'admin', 'auditor')),
  -- scrypt$N$r$p$salt$key, see src/auth/password.ts
  password_hash text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
select app_isolate_tenant('users');
grant select, insert, update on users to eonpro_app;

-- Sign-in starts from an email alone, before the tenant is known: this directory names the tenant.
-- Read and written outside tenant scope only; eonpro_app has no access. The key is checked at commit, so a
-- transaction can register the login (as the owner) before it enters the tenant and inserts the user.
create table user_logins (
  email text primary key,
  tenant_id uuid not null,
  user_id uuid not null,
  foreign key (tenant_id, user_id) references users (tenant_id, id) deferrable initially deferred
);

create table devices (
  tenant_id uuid not null references tenants (id),
  id uuid not null,
  name text not null,
  -- 'server' is the tenant's own device, the author of server-originated changes such as imports.
  kind text not null check (kind in ('workstation', 'server')),
  status text not null check (status in ('approved', 'revoked')),
  registered_by uuid,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, registered_by) references users (tenant_id, id)
);
select app_isolate_tenant('devices');
grant select, insert, update on devices to eonpro_app;

create table refresh_tokens (
  tenant_id uuid not null references tenants (id),
  id uuid not null,
  user_id uuid not null,
  device_id uuid not null,
  -- SHA-256 of the token; the token itself is never stored.
  token_hash text not null unique,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  used_at timestamptz,
  revoked_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id),
  foreign key (tenant_id, device_id) references devices (tenant_id, id)
);
select app_isolate_tenant('refresh_tokens');
grant select, insert, update on refresh_tokens to eonpro_app;
