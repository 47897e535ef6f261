/**
 * npm run bench -- <name>   Runs one benchmark (or `all`) and prints its figures side by side.
 * Benchmarks print ratios against a baseline measured in the same run, because these machines are noisy.
 */
export {};

const benchmarks: Record<string, { describe: string; load: () => Promise<{ run(args: string[]): Promise<void> }> }> = {
  local: { describe: 'encrypted store vs plain SQLite: 20k inserts and 1,000 searches', load: () => import('./local-store.ts') },
  sync: { describe: 'push 10k patients from one workstation, pull them into a fresh one', load: () => import('./sync.ts') },
  audit: { describe: 'audit chain appends (server and desktop) and verifying 1,000,000 entries', load: () => import('./audit.ts') },
};

const [requested = '', ...rest] = process.argv.slice(2);
const chosen = requested === 'all' ? Object.keys(benchmarks) : [requested];
if (!chosen.every((n) => Object.hasOwn(benchmarks, n))) {
  console.error(`Usage: npm run bench -- <${[...Object.keys(benchmarks), 'all'].join('|')}> [options]`);
  for (const [key, bench] of Object.entries(benchmarks)) console.error(`  ${key.padEnd(6)} ${bench.describe}`);
  process.exit(2);
}
for (const key of chosen) {
  console.log(`\n== ${key}: ${benchmarks[key]!.describe}`);
  const bench = await benchmarks[key]!.load();
  await bench.run(rest);
}
