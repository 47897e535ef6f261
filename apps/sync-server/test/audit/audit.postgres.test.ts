import { postgresBackend } from '../support/backends.ts';
import { runAuditSuite } from './auditSuite.ts';

runAuditSuite(postgresBackend());
