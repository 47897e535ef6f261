import { postgresBackend } from '../support/backends.ts';
import { runKeysSuite } from './keysSuite.ts';

runKeysSuite(postgresBackend());
