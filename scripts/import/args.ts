import { parseArgs } from 'node:util';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4010';

export const usage = `Usage: npm run import -- <folder or files…> [--server ${DEFAULT_SERVER_URL}] [--email admin@clinic]

Imports FHIR R4 bundles (every *.json in a folder) into the clinic through the sync server.
  --server   the sync server's address (default ${DEFAULT_SERVER_URL})
  --email    the admin's email (or set EONPRO_EMAIL)
The password comes from EONPRO_PASSWORD, or is asked for on the terminal; so is the code from the
authenticator app (two-step sign-in), from EONPRO_TOTP_CODE.
Exit code: 0 every file imported or already present, 1 a file failed, 2 the import could not start.`;

export interface ImportOptions {
  paths: string[];
  serverUrl: string;
  email: string;
}

export type ParsedArgs = { kind: 'run'; options: ImportOptions } | { kind: 'help' } | { kind: 'error'; message: string };

/** Reads the command line and environment; a problem comes back as a message for the person typing. */
export function parseImportArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { server: { type: 'string' }, email: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length === 0) return { kind: 'error', message: 'Name a folder of FHIR bundles, or the bundle files to import.' };

  const serverUrl = (values.server ?? DEFAULT_SERVER_URL).replace(/\/+$/, '');
  if (!isHttpUrl(serverUrl)) return { kind: 'error', message: `--server must be an http:// or https:// address, like ${DEFAULT_SERVER_URL}.` };

  const email = (values.email ?? env.EONPRO_EMAIL ?? '').trim();
  if (email === '') return { kind: 'error', message: "Give the admin's email with --email or EONPRO_EMAIL." };
  return { kind: 'run', options: { paths: positionals, serverUrl, email } };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
