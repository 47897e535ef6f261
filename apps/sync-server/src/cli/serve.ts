/**
 * Starts the sync server from the command line.
 *   npm start -w @eonpro/sync-server -- [--port 4010] [--host 127.0.0.1] [--data-dir <folder>] [--log-level info]
 *     [--metrics-port 9464] [--metrics-host 127.0.0.1] [--master-key-file <file>] [--public-url https://sync.example]
 *     [--tls-cert <cert.pem> --tls-key <key.pem>]
 * With DATABASE_URL set it uses that PostgreSQL; otherwise embedded PGlite in --data-dir (default
 * <repo>/.eonpro-data/server, so data survives restarts). The master key file defaults to $EONPRO_MASTER_KEY_FILE,
 * else <data dir>/../server-master-key.json (required, by option or env, with PostgreSQL). With a certificate and key
 * (options, or $EONPRO_TLS_CERT_FILE and $EONPRO_TLS_KEY_FILE) it serves HTTPS. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TlsSetupError } from '../http/tlsCredentials.ts';
import { DEFAULT_METRICS_PORT } from '../metrics/metricsServer.ts';
import { DEFAULT_PORT, startSyncServer } from '../startSyncServer.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DEFAULT_DATA_DIR = `${REPO_ROOT}.eonpro-data/server`;
const TLS_CERT_FILE_ENV = 'EONPRO_TLS_CERT_FILE';
const TLS_KEY_FILE_ENV = 'EONPRO_TLS_KEY_FILE';

const usage =
  'Usage: serve [--port <number>] [--host <address>] [--data-dir <folder>] [--log-level <level>] [--metrics-port <number>] [--metrics-host <address>] [--master-key-file <file>] [--public-url <url workstations use>] [--tls-cert <cert.pem> --tls-key <key.pem>]  (env DATABASE_URL for PostgreSQL, EONPRO_MASTER_KEY_FILE, EONPRO_TLS_CERT_FILE, EONPRO_TLS_KEY_FILE)';

function readOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      'log-level': { type: 'string', default: process.env.LOG_LEVEL ?? 'info' },
      'metrics-port': { type: 'string', default: String(DEFAULT_METRICS_PORT) },
      'metrics-host': { type: 'string', default: '127.0.0.1' },
      'master-key-file': { type: 'string' },
      'public-url': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const port = portNumber('--port', values.port);
  const metricsPort = portNumber('--metrics-port', values['metrics-port']);
  const tls = tlsFiles(values['tls-cert'] ?? process.env[TLS_CERT_FILE_ENV], values['tls-key'] ?? process.env[TLS_KEY_FILE_ENV]);
  return { help: values.help, port, host: values.host, dataDir: values['data-dir'], logLevel: values['log-level'], metricsPort, metricsHost: values['metrics-host'], masterKeyFile: values['master-key-file'], publicUrl: values['public-url'], tls };
}

/** Both or neither: a certificate without its key (or the reverse) cannot serve TLS. */
function tlsFiles(certFile: string | undefined, keyFile: string | undefined) {
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile) throw new Error(`--tls-cert and --tls-key (or ${TLS_CERT_FILE_ENV} and ${TLS_KEY_FILE_ENV}) go together: give both.\n${usage}`);
  return { certFile, keyFile };
}

function portNumber(option: string, text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`${option} must be a whole number from 0 to 65535.\n${usage}`);
  return port;
}

async function main(): Promise<void> {
  let options;
  try {
    options = readOptions();
  } catch (error) {
    console.error(error instanceof Error ? error.message : usage);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(usage);
    return;
  }
  const databaseUrl = process.env.DATABASE_URL;
  const server = await startSyncServer({
    port: options.port,
    host: options.host,
    database: databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir: options.dataDir },
    logLevel: options.logLevel,
    metricsPort: options.metricsPort,
    metricsHost: options.metricsHost,
    ...(options.masterKeyFile ? { masterKeyFile: options.masterKeyFile } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
  }).catch((error: unknown) => {
    if (!(error instanceof TlsSetupError)) throw error;
    console.error(`The sync server did not start: ${error.message}`);
    process.exitCode = 1;
    return null;
  });
  if (!server) return;
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
