/**
 * npm start: the sync server (embedded PGlite in .eonpro-data/server on port 4010, or the one already answering
 * there) and the desktop app: Electron when its binary is installed and can show a window, otherwise browser mode
 * on 127.0.0.1. Ctrl+C stops both. No environment variable is needed.
 * `npm start -- --workstation-only --data-dir <folder>` starts only a second workstation; --help lists the options.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, globSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataFolderHolder } from '../apps/desktop/src/host/dataFolderLock.ts';
import { parseStartArgs, usage } from './start/args.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const desktopDir = path.join(root, 'apps/desktop');
const dataRoot = path.join(root, '.eonpro-data');
const SERVER_PORT = 4010;
const SERVER_URL = `http://127.0.0.1:${SERVER_PORT}`;

// npm runs this from the repo root; a relative --data-dir means where the person typed the command.
const parsed = parseStartArgs(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
if (parsed.kind === 'help') {
  console.log(usage);
  process.exit(0);
}
if (parsed.kind === 'error') {
  console.error(`${parsed.message}\nRun \`npm start -- --help\` for the options.`);
  process.exit(2);
}
const options = parsed.options;

type Stop = () => Promise<void>;
const stops: Stop[] = [];
let stopping = false;

async function stopAll(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('Stopping EONPro Clinic…');
    for (const stop of stops.reverse()) {
      await stop().catch((error: unknown) => console.error(`While stopping: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
  process.exit(exitCode);
}

async function serverAnswersHealth(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/trpc/health`, { signal: AbortSignal.timeout(2_000) });
    const body = (await response.json()) as { result?: { data?: { ok?: unknown } } };
    return response.ok && body.result?.data?.ok === true;
  } catch {
    return false;
  }
}

interface SyncServer {
  url: string;
  /** Where its data lives, when this run started it. */
  dataDir: string | null;
}

async function startServer(): Promise<SyncServer> {
  if (await serverAnswersHealth(SERVER_URL)) {
    console.log(`Using the sync server already running at ${SERVER_URL}`);
    return { url: SERVER_URL, dataDir: null };
  }
  const dataDir = path.join(dataRoot, 'server');
  const { startSyncServer } = await import('@eonpro/sync-server');
  const server = await startSyncServer({
    port: SERVER_PORT,
    database: { kind: 'pglite', dataDir },
    logFile: path.join(dataRoot, 'logs', 'sync-server.log'),
  }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
    // The API port (4010) or the metrics port (9464): listen's error names the one it could not take.
    const port = (error as { port?: unknown }).port ?? SERVER_PORT;
    throw new Error(`Port ${String(port)} is taken by a program that is not the EONPro sync server; stop it and try again.`);
  });
  stops.push(() => server.close());
  return { url: server.url, dataDir };
}

/** --workstation-only: the server is someone else's; a workstation works offline until it answers. */
async function existingServer(url: string): Promise<SyncServer> {
  if (await serverAnswersHealth(url)) console.log(`Using the sync server at ${url}`);
  else console.log(`No sync server answers at ${url} yet: the workstation works offline and syncs once it does.`);
  return { url, dataDir: null };
}

/** A folder as the person knows it: relative to the repo when inside it. */
function shown(dir: string): string {
  const relative = path.relative(root, dir);
  return relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative;
}

/** Said before anything starts; the host refuses such a folder too (dataFolderLock.ts). */
function refuseFolderInUse(dataDir: string): void {
  const pid = dataFolderHolder(dataDir);
  if (pid === null) return;
  throw new Error(
    `The workstation data folder ${shown(dataDir)} is already open in another EONPro Clinic (process ${pid}). ` +
      'To run a second workstation beside it: npm start -- --workstation-only --data-dir <another folder>',
  );
}

/** The Electron executable, if its optional package downloaded one (reads path.txt; requiring `electron` would try to download). */
function electronBinary(): string | null {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(path.join(desktopDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** The Electron executable to launch, or why Electron cannot show a window here. */
function electronToLaunch(): { binary: string } | { unusable: string } {
  const binary = electronBinary();
  if (binary === null) return { unusable: 'the Electron binary is not installed' };
  if (process.getuid?.() === 0) return { unusable: 'Electron refuses to run as root' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { unusable: 'there is no graphical display' };
  }
  return { binary };
}

/** True when any output is missing or older than the newest source. */
function isStale(outputs: string[], sourcePatterns: string[]): boolean {
  if (!outputs.every((file) => existsSync(file))) return true;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const sources = sourcePatterns.flatMap((pattern) =>
    globSync(pattern, { cwd: root, exclude: (name) => name === 'node_modules' || /\.test\.tsx?$/.test(name) }),
  );
  return sources.some((file) => statSync(path.join(root, file)).mtimeMs > oldestOutput);
}

function runBuild(script: string): void {
  console.log(`Building (${script})…`);
  const result = spawnSync('npm', ['run', script, '-w', '@eonpro/desktop'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run ${script} failed; see the output above.`);
}

const rendererSources = [
  'apps/desktop/src/renderer/**/*',
  'apps/desktop/index.html',
  'apps/desktop/vite.config.ts',
  'packages/ui/src/**/*',
  'packages/core/src/**/*',
];

function buildRendererIfNeeded(): void {
  if (isStale([path.join(desktopDir, 'dist/renderer/index.html')], rendererSources)) runBuild('build:renderer');
}

async function startElectron(binary: string, serverUrl: string, dataDir: string): Promise<void> {
  buildRendererIfNeeded();
  const bundles = ['dist/main/main.cjs', 'dist/preload/preload.cjs', 'dist/utility/hostProcess.cjs'].map((file) => path.join(desktopDir, file));
  const sources = ['apps/desktop/src/{main,preload,host}/**/*', 'packages/core/src/**/*'];
  if (isStale(bundles, sources)) runBuild('build:electron');

  const child = spawn(binary, [desktopDir, `--data-dir=${dataDir}`, `--server-url=${serverUrl}`], { stdio: 'inherit' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  stops.push(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  });
  console.log(`EONPro Clinic (Electron) is starting; data in ${shown(dataDir)}. Close the window or press Ctrl+C to stop.`);
  void exited.then(() => stopAll(child.exitCode ?? 0));
}

async function startBrowser(server: SyncServer, reason: string, dataDir: string): Promise<void> {
  buildRendererIfNeeded();
  const { startBrowserMode } = await import('../apps/desktop/src/web/launch.ts');
  const app = await startBrowserMode({ dataDir, serverUrl: server.url, port: options.port }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
    throw new Error(`Port ${options.port} is taken; choose another with --port, or leave --port out for any free port.`);
  });
  stops.push(() => app.close());
  console.log(
    [
      '',
      `EONPro Clinic is running in browser mode (${reason}).`,
      `  Open in Chromium or Chrome:  ${app.url}`,
      `  Sync server:                 ${server.url}${server.dataDir ? `  (data in ${shown(server.dataDir)})` : ''}`,
      `  Workstation data:            ${shown(dataDir)}  (encrypted)`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  const electron = electronToLaunch();
  const dataDir = options.dataDir ?? path.join(dataRoot, 'binary' in electron ? 'electron' : 'desktop');
  refuseFolderInUse(dataDir);
  const server = options.workstationOnly ? await existingServer(options.serverUrl) : await startServer();
  if ('binary' in electron) await startElectron(electron.binary, server.url, dataDir);
  else await startBrowser(server, electron.unusable, dataDir);
} catch (error) {
  console.error(`EONPro Clinic could not start: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
}
