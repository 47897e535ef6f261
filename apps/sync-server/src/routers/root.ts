import { router } from '../trpc.ts';
import { auditRouter } from './audit.ts';
import { authRouter } from './auth.ts';
import { healthProcedure } from './health.ts';
import { importRouter } from './import.ts';
import { setupRouter } from './setup.ts';
import { syncRouter } from './sync.ts';

export const appRouter = router({
  health: healthProcedure,
  setup: setupRouter,
  auth: authRouter,
  sync: syncRouter,
  import: importRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
