-- Keys (src/keys): per-tenant data keys wrapped by the master key, sealed patient identifiers, and token signing
-- keys whose private half is wrapped by the master key too.

-- Each tenant's data keys, one row per version, stored only wrapped (AES-256-GCM under the master key named by
-- master_key_id and master_key_version). New seals use the newest version; older ones still open older values.
-- A master key rotation re-wraps these rows as the schema owner; eonpro_app may only read them and add versions.
create table tenant_data_keys (
  tenant_id uuid not null references tenants (id),
  version integer not null check (version > 0),
  master_key_id text not null,
  master_key_version integer not null check (master_key_version > 0),
  wrapped_key text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, version)
);
select app_isolate_tenant('tenant_data_keys');
grant select, insert on tenant_data_keys to eonpro_app;

-- SSN and driver's licence are stored only sealed (v1.<data key version>.<nonce>.<ciphertext>): a plaintext value
-- cannot be written here by mistake.
alter table patients add column ssn_sealed text check (ssn_sealed like 'v1.%');
alter table patients add column drivers_license_sealed text check (drivers_license_sealed like 'v1.%');

-- Signing keys: the private key is wrapped by the master key (a JWK in the clear no more; the server wraps rows
-- from before this migration at its next start and clears private_jwk). A rotated-out key keeps verifying tokens
-- until they expire: retired_at says since when it no longer signs.
alter table signing_keys alter column private_jwk drop not null;
alter table signing_keys add column master_key_id text;
alter table signing_keys add column master_key_version integer;
alter table signing_keys add column wrapped_private_key text;
alter table signing_keys add column retired_at timestamptz;
alter table signing_keys add constraint signing_keys_private_once
  check ((wrapped_private_key is null) = (master_key_id is null) and (wrapped_private_key is null) = (master_key_version is null)
         and (private_jwk is null or wrapped_private_key is null));
