import path from 'node:path';
import { parseArgs } from 'node:util';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4010';

export const usage = `Usage: npm start [-- options]

Starts the sync server (or uses the one already answering at ${DEFAULT_SERVER_URL}) and a desktop workstation:
Electron when it can show a window, otherwise browser mode on 127.0.0.1. Ctrl+C stops both.

Options:
  --workstation-only    start only a workstation, for a sync server already running (e.g. a second
                        workstation beside a first \`npm start\`); give it its own --data-dir
  --data-dir <folder>   the workstation's data folder (default .eonpro-data/desktop, or
                        .eonpro-data/electron for Electron); one workstation at a time may open it
  --server-url <url>    with --workstation-only: the sync server to use (default ${DEFAULT_SERVER_URL})
  --port <n>            browser mode's port (default any free port)
  -h, --help            show this help

Example, a second workstation on this machine:
  npm start -- --workstation-only --data-dir .eonpro-data/desktop-2
Exit code: 2 when the options are wrong, 1 when EONPro Clinic could not start.`;

export interface StartOptions {
  workstationOnly: boolean;
  /** Absolute; null: the default folder of the chosen mode. */
  dataDir: string | null;
  serverUrl: string;
  /** 0: any free port. */
  port: number;
}

export type ParsedStartArgs = { kind: 'run'; options: StartOptions } | { kind: 'help' } | { kind: 'error'; message: string };

/** Reads `npm start`'s options; a relative --data-dir is taken from `cwd` (where the person typed the command). */
export function parseStartArgs(argv: readonly string[], cwd: string): ParsedStartArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        'workstation-only': { type: 'boolean' },
        'data-dir': { type: 'string' },
        'server-url': { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  const { values } = parsed;
  if (values.help) return { kind: 'help' };

  const workstationOnly = values['workstation-only'] ?? false;
  const serverUrl = values['server-url']?.replace(/\/+$/, '');
  if (serverUrl !== undefined && !workstationOnly) {
    return { kind: 'error', message: `--server-url needs --workstation-only: without it, npm start runs its own sync server at ${DEFAULT_SERVER_URL}.` };
  }
  if (serverUrl !== undefined && !isHttpUrl(serverUrl)) {
    return { kind: 'error', message: `--server-url must be an http:// or https:// address, like ${DEFAULT_SERVER_URL}.` };
  }
  if (values['data-dir']?.trim() === '') return { kind: 'error', message: '--data-dir needs a folder.' };

  const port = values.port === undefined ? 0 : Number(values.port);
  if (values.port?.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65_535) {
    return { kind: 'error', message: '--port must be a whole number from 0 to 65535 (0: any free port).' };
  }
  return {
    kind: 'run',
    options: {
      workstationOnly,
      dataDir: values['data-dir'] === undefined ? null : path.resolve(cwd, values['data-dir']),
      serverUrl: serverUrl ?? DEFAULT_SERVER_URL,
      port,
    },
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
