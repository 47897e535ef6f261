import { pgliteBackend } from '../support/backends.ts';
import { runAuditSuite } from './auditSuite.ts';

runAuditSuite(pgliteBackend);
