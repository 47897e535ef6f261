import { pgliteBackend } from '../support/backends.ts';
import { runKeysSuite } from './keysSuite.ts';

runKeysSuite(pgliteBackend);
