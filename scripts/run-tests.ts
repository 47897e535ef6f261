/**
 * Runs every test file in the repo with Node's own test runner, so the run ends with its summary.
 * Usage: npm test [-- <path filter>]   e.g. npm test -- sync-server
 */
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const patterns = [
  'packages/*/src/**/*.test.{ts,tsx}',
  'apps/*/src/**/*.test.{ts,tsx}',
  'apps/*/test/**/*.test.{ts,tsx}',
  'bench/**/*.test.ts',
  'scripts/**/*.test.ts',
];
const filters = process.argv.slice(2);
const files = patterns
  .flatMap((pattern) => globSync(pattern, { exclude: (name) => name === 'node_modules' }))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

if (files.length === 0) {
  console.error(`No test files match ${filters.join(' ') || 'the test patterns'}`);
  process.exit(1);
}

const concurrency = Math.max(2, availableParallelism());
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=600000', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
