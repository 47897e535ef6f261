import type { Migration } from './migration.ts';
import { migration0001 } from './0001_initial.ts';
import { migration0002 } from './0002_audit_trail.ts';

/** Every migration, in version order. */
export const migrations: readonly Migration[] = [migration0001, migration0002];
