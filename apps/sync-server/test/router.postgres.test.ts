import { runRouterSuite } from './routerSuite.ts';
import { postgresBackend } from './support/backends.ts';

runRouterSuite(postgresBackend());
