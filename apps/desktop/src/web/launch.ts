/**
 * Browser mode from the command line (`npm start -w @eonpro/desktop`):
 *   tsx src/web/launch.ts [--data-dir DIR] [--server-url URL] [--server-ca-file CA.pem] [--port N]
 * Prints the address to open; the launch token rides in its fragment.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserMode } from './browserMode.ts';

export { startBrowserMode, type BrowserMode, type BrowserModeOptions } from './browserMode.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: '.eonpro-data/desktop' },
      'server-url': { type: 'string', default: 'http://127.0.0.1:4010' },
      // The clinic's own certificate authority for an https:// server (default $EONPRO_SERVER_CA_FILE).
      'server-ca-file': { type: 'string' },
      port: { type: 'string', default: '0' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('--port must be a number from 0 to 65535');
  const caFile = values['server-ca-file'];
  const browserMode = await startBrowserMode({ dataDir: resolve(values['data-dir']), serverUrl: values['server-url'], ...(caFile ? { serverCaFile: resolve(caFile) } : {}), port });
  process.stdout.write(`EONPro Clinic is running. Open ${browserMode.url}\n`);
  const stop = (): void => {
    void browserMode.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    process.stderr.write(`EONPro Clinic could not start: ${error instanceof Error ? error.message : 'unknown error'}\n`);
    process.exit(1);
  });
}
