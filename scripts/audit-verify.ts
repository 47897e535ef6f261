/**
 * npm run audit:verify -- [--tenant <clinic id>] [--data-dir <server data folder>]   (or DATABASE_URL)
 * npm run audit:verify -- --desktop <workstation data folder>
 * Verifies audit chains and names the first broken link. Exit code 0 intact, 1 broken, 2 could not run.
 * See server-audit/verifyServerChains.ts and desktop-audit/verifyDesktopChain.ts.
 */
import { verifyDesktopChain } from './desktop-audit/verifyDesktopChain.ts';
import { verifyServerChains } from './server-audit/verifyServerChains.ts';

const argv = process.argv.slice(2);
const desktop = argv.some((arg) => arg === '--desktop' || arg.startsWith('--desktop='));
process.exitCode = desktop ? await verifyDesktopChain(argv, process.env) : await verifyServerChains(argv, process.env);
