import type { HostOutputs } from '../trpc.ts';

/** A user account as the Users tab shows it (from the sync server, through the host). */
export type StaffUser = HostOutputs['adminUsers']['list']['users'][number];
