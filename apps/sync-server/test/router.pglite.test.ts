import { runRouterSuite } from './routerSuite.ts';
import { pgliteBackend } from './support/backends.ts';

runRouterSuite(pgliteBackend);
