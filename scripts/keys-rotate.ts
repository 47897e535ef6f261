/**
 * npm run keys:rotate -- [--data-keys [--tenant <clinic id>]] [--signing-key] [--data-dir <folder>] [--master-key-file <file>]
 * Rotates the master key (default), the clinics' data keys, or the token signing key. See keys/rotateKeys.ts.
 */
import { rotateKeys } from './keys/rotateKeys.ts';

process.exitCode = await rotateKeys(process.argv.slice(2), process.env);
