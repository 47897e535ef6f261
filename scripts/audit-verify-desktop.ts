/**
 * npx tsx scripts/audit-verify-desktop.ts --desktop <workstation data folder>
 * (`npm run audit:verify -- --desktop <folder>` runs the same check.) See desktop-audit/verifyDesktopChain.ts.
 */
import { verifyDesktopChain } from './desktop-audit/verifyDesktopChain.ts';

process.exitCode = await verifyDesktopChain(process.argv.slice(2), process.env);
