-- Sign-in lockout with back-off, see src/auth/signInLockout.ts: consecutive failed sign-ins since the last good
-- one, and until when the account refuses sign-in (null when it is not locked).
alter table users add column failed_sign_ins integer not null default 0 check (failed_sign_ins >= 0);
alter table users add column locked_until timestamptz;
