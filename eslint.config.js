// Layers are checked by lint, not by habit (DESIGN.md §7). Every workspace runs `eslint src`; ESLint finds this file
// by walking up from the workspace, and the `files` globs below are relative to this folder.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const bareBuiltins = builtinModules.filter((name) => !name.startsWith('node:')).map(escape).join('|');

const nodeBuiltins = (why) => ({ regex: `^(node:.*|(${bareBuiltins})(/.*)?)$`, message: `No Node built-ins here: ${why}` });
const electron = (why) => ({ regex: '^electron(/.*)?$', message: `Do not import electron here: ${why}` });
const react = { regex: '^react(-dom)?(/.*)?$', message: 'packages/core is pure: no React.' };
const domOnly = {
  regex: '^(@happy-dom|@testing-library)/.*$',
  message: 'packages/core is pure: no DOM-only modules.',
};
const nativeModules = {
  regex: '^(better-sqlite3|better-sqlite3-multiple-ciphers|keytar|@journeyapps/sqlcipher)(/.*)?$',
  message: 'packages/core is pure: no native modules.',
};
const otherWorkspaces = { regex: '^@eonpro/', message: 'packages/core imports nothing of the other workspaces.' };
const renderer = (who) => ({
  regex: '^(\\.\\./)+renderer(/|$)',
  message: `${who} never imports the renderer; the renderer talks to it only through tRPC.`,
});
const hostRuntime = {
  regex: '^((\\.\\./)+host(/|$)|@eonpro/desktop/host$)',
  allowTypeImports: true,
  message: 'The renderer imports the host only as types (`import type`); at run time it talks tRPC.',
};
const hostFromPreload = {
  regex: '^((\\.\\./)+host(/|$)|@eonpro/desktop/host$)',
  message: 'The preload only bridges IPC; the host runs in its own process.',
};
const uiAllowed = (extra) => ({
  regex: `^(?!(react(/.*)?|@eonpro/core${extra})$)(?!\\.\\.?/)`,
  message: 'packages/ui imports only @eonpro/core and react.',
});

const testFiles = ['**/*.test.ts', '**/*.test.tsx'];

/** One layer's import rule: production files get `production`, test files beside them get `tests`. */
function layer(name, files, production, tests = production) {
  const rule = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
  return [
    { name: `layering/${name}`, files, ignores: testFiles, rules: rule(production) },
    { name: `layering/${name}-tests`, files: files.map((glob) => `${glob.replace(/\/\*\*$/, '')}/**/*.test.{ts,tsx}`), rules: rule(tests) },
  ];
}

const coreWhy = 'packages/core is pure and runs in Node, the browser and Electron alike.';

export default defineConfig(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '.eonpro-data/**'] },
  tseslint.configs.recommended,
  {
    name: 'eonpro/house',
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // `import x = require('…')` in a declaration file only describes types (an `export =` module); nothing runs.
    name: 'eonpro/declarations',
    files: ['**/*.d.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  layer(
    'core',
    ['packages/core/src/**'],
    [nodeBuiltins(coreWhy), otherWorkspaces, electron(coreWhy), react, domOnly, nativeModules],
    [otherWorkspaces, electron(coreWhy), react, domOnly, nativeModules],
  ),
  layer(
    'ui',
    ['packages/ui/src/**'],
    [uiAllowed('')],
    [uiAllowed('|react-dom(/.*)?|@happy-dom/.*|@testing-library/.*|node:.*')],
  ),
  layer('host', ['apps/desktop/src/host/**'], [
    electron('the host is plain Node and runs in browser mode too.'),
    renderer('The host'),
  ]),
  layer('web', ['apps/desktop/src/web/**'], [electron('browser mode runs where no Electron exists.')]),
  layer(
    'renderer',
    ['apps/desktop/src/renderer/**'],
    [hostRuntime, nodeBuiltins('the renderer is sandboxed.'), electron('the renderer reaches Electron only through window.eonpro.')],
    [hostRuntime, electron('the renderer reaches Electron only through window.eonpro.')],
  ),
  layer('main', ['apps/desktop/src/main/**'], [renderer('Electron main')]),
  layer('preload', ['apps/desktop/src/preload/**'], [
    nodeBuiltins('a sandboxed preload cannot load them.'),
    renderer('The preload'),
    hostFromPreload,
  ]),
);
