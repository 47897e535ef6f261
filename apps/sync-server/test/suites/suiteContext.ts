import type { ServerServices } from '../../src/services.ts';
import type { TestBackend } from '../support/backends.ts';

/** What each part of the router suite gets: the backend, and the services of the suite's shared database (set in before()). */
export interface SuiteContext {
  backend: TestBackend;
  services(): ServerServices;
}
