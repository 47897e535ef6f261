import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The renderer: index.html and its sources live in src/renderer; the build lands in dist/renderer. */
export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  // Relative asset paths: the same build is loaded from a file/app URL in Electron and from / in browser mode.
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
