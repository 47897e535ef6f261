/**
 * Type-checks the desktop app, then bundles Electron main, the preload and the host's utility-process entry
 * into dist/ with esbuild. Needs no Electron binary. Usage: npm run build:electron -w @eonpro/desktop
 * (the renderer is built separately by `npm run build:renderer`).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const appDir = fileURLToPath(new URL('..', import.meta.url));
// Loaded from node_modules at run time (and unpacked from the asar): they hold .node binaries.
const nativeModules = ['better-sqlite3-multiple-ciphers', 'better-sqlite3', 'keytar', '@journeyapps/sqlcipher'];

const bundles: Array<{ name: string; entry: string; outfile: string }> = [
  { name: 'main', entry: 'src/main/main.ts', outfile: 'dist/main/main.cjs' },
  { name: 'preload', entry: 'src/preload/preload.ts', outfile: 'dist/preload/preload.cjs' },
  { name: 'host process', entry: 'src/main/utility/hostProcessEntry.ts', outfile: 'dist/utility/hostProcess.cjs' },
];

const shared: BuildOptions = {
  absWorkingDir: appDir,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['electron', ...nativeModules],
  // A bundle in CJS has no import.meta; fail the build rather than ship code that reads an empty one.
  logOverride: { 'empty-import-meta': 'error' },
  logLevel: 'warning',
  metafile: true,
};

function typecheck(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit'], { cwd: appDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Type check failed; nothing was bundled.');
}

/** A sandboxed preload can load `electron` and nothing else from outside its bundle. */
function assertPreloadIsSelfContained(imports: Array<{ path: string; external?: boolean }>): void {
  const outside = imports.filter((entry) => entry.external && entry.path !== 'electron').map((entry) => entry.path);
  if (outside.length > 0) throw new Error(`The preload must not load ${outside.join(', ')}: sandboxed preloads only get electron.`);
}

typecheck();
for (const bundle of bundles) {
  const result = await build({ ...shared, entryPoints: [bundle.entry], outfile: bundle.outfile });
  if (bundle.name === 'preload') {
    for (const output of Object.values(result.metafile?.outputs ?? {})) assertPreloadIsSelfContained(output.imports);
  }
  console.log(`built ${bundle.name}: apps/desktop/${bundle.outfile}`);
}
