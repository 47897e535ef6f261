import { adminUsersRouter } from './routers/adminUsers.ts';
import { auditReviewRouter } from './routers/auditReview.ts';
import { chartRouter } from './routers/chart.ts';
import { allergiesRouter, conditionsRouter } from './routers/clinicalEntries.ts';
import { importsRouter } from './routers/imports.ts';
import { patientsRouter } from './routers/patients.ts';
import { policyRouter } from './routers/policy.ts';
import { sessionRouter } from './routers/session.ts';
import { syncRouter } from './routers/sync.ts';
import { workstationsRouter } from './routers/workstations.ts';
import { router } from './trpc.ts';

/** The renderer's router: everything the app window may ask of the host. */
export const hostRouter = router({
  session: sessionRouter,
  patients: patientsRouter,
  chart: chartRouter,
  allergies: allergiesRouter,
  conditions: conditionsRouter,
  imports: importsRouter,
  sync: syncRouter,
  adminUsers: adminUsersRouter,
  workstations: workstationsRouter,
  policy: policyRouter,
  auditReview: auditReviewRouter,
});

export type HostRouter = typeof hostRouter;
