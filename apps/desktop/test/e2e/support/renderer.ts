import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const viteConfig = fileURLToPath(new URL('../../../vite.config.ts', import.meta.url));

/** Builds the renderer with the app's own Vite config into `outDir`, so a test never runs a stale dist/. */
export async function buildRenderer(outDir: string): Promise<void> {
  await build({ configFile: viteConfig, logLevel: 'error', build: { outDir, emptyOutDir: true } });
}
