-- The role tenant-scoped work runs as (SET LOCAL ROLE eonpro_app). It logs in nowhere and owns nothing, so
-- row-level security always applies to it, even where the connection itself is a superuser (PGlite).
-- Roles are shared by every database of a cluster, so another database may have created it already.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'eonpro_app') then
    create role eonpro_app nologin;
  end if;
end
$$;
grant eonpro_app to current_user;

-- The tenant a transaction works for, set by src/tenancy with set_config('app.tenant_id', id, true).
-- NULL when unset, so a transaction that forgets it matches no row.
create function app_current_tenant() returns uuid
  language sql stable
  as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- Row-level security for one tenant-data table: enabled, forced on the owner too, one policy for every command.
create function app_isolate_tenant(target regclass) returns void
  language plpgsql
  as $$
begin
  execute format('alter table %s enable row level security', target);
  execute format('alter table %s force row level security', target);
  execute format(
    'create policy tenant_isolation on %s using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())',
    target
  );
end
$$;
revoke execute on function app_isolate_tenant(regclass) from public;

-- The registry of tenants (clinics). Read only outside tenant scope; eonpro_app has no access.
create table tenants (
  id uuid primary key,
  name text not null,
  created_at timestamptz not null default now()
);

-- Token signing keys (Ed25519). The private key is stored as a JWK in the clear for now; sealing it under the
-- key provider (and rotation) is later work. eonpro_app has no access.
create table signing_keys (
  kid text primary key,
  public_jwk jsonb not null,
  private_jwk jsonb not null,
  created_at timestamptz not null default now()
);
