import { router } from '../trpc.ts';
import { auditRouter } from './audit.ts';
import { authRouter } from './auth.ts';
import { devicesRouter } from './devices.ts';
import { healthProcedure } from './health.ts';
import { importRouter } from './import.ts';
import { mfaRouter } from './mfa.ts';
import { policyRouter } from './policy.ts';
import { setupRouter } from './setup.ts';
import { syncRouter } from './sync.ts';
import { usersRouter } from './users.ts';

export const appRouter = router({
  health: healthProcedure,
  setup: setupRouter,
  auth: authRouter,
  sync: syncRouter,
  import: importRouter,
  audit: auditRouter,
  devices: devicesRouter,
  mfa: mfaRouter,
  policy: policyRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
