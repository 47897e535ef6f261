import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ESLint } from 'eslint';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;

/** The layering messages ESLint reports for `code` as if it were the file at `file` (relative to the repo root). */
async function layeringProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  assert.ok(result, 'ESLint returned no result');
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

async function assertRefused(file: string, code: string, expected: RegExp): Promise<void> {
  const problems = await layeringProblems(file, code);
  assert.equal(problems.length, 1, `expected one layering problem for ${code} in ${file}, got ${JSON.stringify(problems)}`);
  assert.match(problems[0] ?? '', expected);
}

async function assertAllowed(file: string, code: string): Promise<void> {
  assert.deepEqual(await layeringProblems(file, code), [], `${code} should be allowed in ${file}`);
}

describe('layering lint', () => {
  before(() => {
    eslint = new ESLint({ cwd: repoRoot });
  });

  describe('packages/core is pure', () => {
    const file = 'packages/core/src/sync/example.ts';
    it('refuses node: built-ins', () => assertRefused(file, "import 'node:fs';", /No Node built-ins/));
    it('refuses bare node built-ins', () => assertRefused(file, "import 'fs/promises';", /No Node built-ins/));
    it('refuses other workspaces', () => assertRefused(file, "import '@eonpro/ui';", /nothing of the other workspaces/));
    it('refuses electron', () => assertRefused(file, "import 'electron';", /electron/));
    it('refuses react', () => assertRefused(file, "import 'react';", /no React/));
    it('refuses DOM-only modules', () => assertRefused(file, "import '@testing-library/react';", /DOM-only/));
    it('refuses native modules', () => assertRefused(file, "import 'better-sqlite3-multiple-ciphers';", /native modules/));
    it('allows zod and relative imports', () => assertAllowed(file, "import 'zod';\nimport './hlc.ts';"));
    it('lets its tests use node:test', () => assertAllowed('packages/core/src/sync/example.test.ts', "import 'node:test';"));
    it('still refuses electron in its tests', () =>
      assertRefused('packages/core/src/sync/example.test.ts', "import 'electron';", /electron/));
  });

  describe('packages/ui imports only @eonpro/core and react', () => {
    const file = 'packages/ui/src/Button/Button.tsx';
    it('allows react, its JSX runtime, @eonpro/core and relative files', () =>
      assertAllowed(file, "import 'react';\nimport 'react/jsx-runtime';\nimport '@eonpro/core';\nimport './Button.css';"));
    it('refuses other packages', () => assertRefused(file, "import 'zod';", /only @eonpro\/core and react/));
    it('refuses node built-ins', () => assertRefused(file, "import 'node:fs';", /only @eonpro\/core and react/));
    it('refuses electron', () => assertRefused(file, "import 'electron';", /only @eonpro\/core and react/));
    it('lets its tests use the test tooling', () =>
      assertAllowed(
        'packages/ui/src/Button/Button.test.tsx',
        "import 'node:test';\nimport '@testing-library/react';\nimport '@happy-dom/global-registrator';",
      ));
  });

  describe('the host never imports electron nor the renderer', () => {
    const file = 'apps/desktop/src/host/db/open.ts';
    it('refuses electron', () => assertRefused(file, "import 'electron';", /plain Node/));
    it('refuses the renderer', () => assertRefused(file, "import '../../renderer/App.tsx';", /never imports the renderer/));
    it('allows node built-ins and native modules', () =>
      assertAllowed(file, "import 'node:fs';\nimport 'better-sqlite3-multiple-ciphers';"));
  });

  describe('browser mode never imports electron', () => {
    it('refuses electron', () => assertRefused('apps/desktop/src/web/launch.ts', "import 'electron';", /browser mode/));
  });

  describe('the renderer imports the host only as types', () => {
    const file = 'apps/desktop/src/renderer/trpc.ts';
    it('refuses a runtime import of the host', () =>
      assertRefused(file, "import { startHost } from '../host/index.ts';\nstartHost;", /only as types/));
    it('refuses the host package export', () =>
      assertRefused(file, "import { startHost } from '@eonpro/desktop/host';\nstartHost;", /only as types/));
    it('allows a type-only import of the host', () =>
      assertAllowed(file, "import type { HostRouter } from '../host/index.ts';\nexport type R = HostRouter;"));
    it('refuses node built-ins', () => assertRefused(file, "import 'node:path';", /sandboxed/));
    it('refuses electron', () => assertRefused(file, "import 'electron';", /window\.eonpro/));
  });

  describe('Electron main and preload', () => {
    it('main refuses the renderer', () =>
      assertRefused('apps/desktop/src/main/main.ts', "import '../renderer/App.tsx';", /never imports the renderer/));
    it('preload refuses node built-ins', () =>
      assertRefused('apps/desktop/src/preload/preload.ts', "import 'node:fs';", /sandboxed preload/));
    it('preload refuses the host', () =>
      assertRefused('apps/desktop/src/preload/preload.ts', "import '../host/index.ts';", /only bridges IPC/));
  });
});
