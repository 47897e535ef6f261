-- Device credentials, see src/auth/devices.ts: each workstation holds an Ed25519 key pair made on the device; the
-- server keeps the public key, and a workstation is used only once an administrator approved it.
alter table devices drop constraint devices_status_check;
alter table devices add constraint devices_status_check check (status in ('pending', 'approved', 'revoked'));
alter table devices add column public_key text;
alter table devices add column approved_by uuid;
alter table devices add column approved_at timestamptz;
alter table devices add column revoked_by uuid;
alter table devices add column revoked_at timestamptz;
alter table devices add column revoked_reason text;
alter table devices add foreign key (tenant_id, approved_by) references users (tenant_id, id);
alter table devices add foreign key (tenant_id, revoked_by) references users (tenant_id, id);

-- Workstations registered before device keys existed hold none: they register one at their next sign-in and wait
-- for approval like a new workstation (a clinic's first admin sign-in approves the first one, see devices.ts).
-- Row-level security is forced even on the owner, so it is lifted for this one statement.
alter table devices no force row level security;
update devices set status = 'pending' where kind = 'workstation' and status = 'approved' and public_key is null;
update devices set revoked_at = created_at, revoked_reason = 'Revoked before reasons were recorded' where status = 'revoked';
alter table devices force row level security;

alter table devices add constraint devices_workstation_key check (kind <> 'workstation' or public_key is not null or status <> 'approved');
alter table devices add constraint devices_revocation check ((status = 'revoked') = (revoked_at is not null and revoked_reason is not null));
