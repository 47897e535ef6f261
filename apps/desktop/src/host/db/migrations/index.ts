import type { Migration } from './migration.ts';
import { migration0001 } from './0001_initial.ts';
import { migration0002 } from './0002_audit_trail.ts';
import { migration0003 } from './0003_device_identity.ts';
import { migration0004 } from './0004_offline_sign_in.ts';
import { migration0005 } from './0005_patient_identifiers.ts';

/** Every migration, in version order. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005];
