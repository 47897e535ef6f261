-- Two-step sign-in (TOTP), see src/auth/mfa/. Every table is tenant data under row-level security.

-- A user's authenticator: the TOTP secret, sealed (never in the clear), active only once a code has verified.
-- last_used_step is the newest 30-second time step a code was accepted for: a code is accepted once.
create table mfa_factors (
  tenant_id uuid not null references tenants (id),
  user_id uuid not null,
  secret_sealed text not null,
  activated_at timestamptz,
  last_used_step bigint,
  created_at timestamptz not null default now(),
  primary key (tenant_id, user_id),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);
select app_isolate_tenant('mfa_factors');
grant select, insert, update, delete on mfa_factors to eonpro_app;

-- Single-use recovery codes: only a SHA-256 of each (they are 80 random bits), marked when used.
create table mfa_recovery_codes (
  tenant_id uuid not null references tenants (id),
  id uuid not null,
  user_id uuid not null,
  code_hash text not null unique,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);
select app_isolate_tenant('mfa_recovery_codes');
grant select, insert, update, delete on mfa_recovery_codes to eonpro_app;

-- The step between a right password and a session: a one-use token (only its SHA-256 kept), 5 minutes long,
-- for one user on one workstation. 'verify' asks for a code; 'enrol' sets up the authenticator first.
create table mfa_challenges (
  tenant_id uuid not null references tenants (id),
  id uuid not null,
  user_id uuid not null,
  device_id uuid not null,
  device_name text not null,
  purpose text not null check (purpose in ('verify', 'enrol')),
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);
select app_isolate_tenant('mfa_challenges');
grant select, insert, update, delete on mfa_challenges to eonpro_app;
