import type { Migration } from './migration.ts';
import { migration0001 } from './0001_initial.ts';

/** Every migration, in version order. */
export const migrations: readonly Migration[] = [migration0001];
