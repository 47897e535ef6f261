import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SERVER_URL, parseStartArgs, usage } from './args.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const cwd = '/home/clinic/eonpro';

function errorOf(argv: string[]): string {
  const parsed = parseStartArgs(argv, cwd);
  assert.equal(parsed.kind, 'error', `${argv.join(' ')} should be refused`);
  return parsed.kind === 'error' ? parsed.message : '';
}

describe('parseStartArgs', () => {
  it('without options: the server and a workstation in the default folder, on any free port', () => {
    assert.deepEqual(parseStartArgs([], cwd), {
      kind: 'run',
      options: { workstationOnly: false, dataDir: null, serverUrl: DEFAULT_SERVER_URL, port: 0 },
    });
  });

  it('a second workstation: its own folder (relative to where the command was typed), server and port', () => {
    assert.deepEqual(parseStartArgs(['--workstation-only', '--data-dir', 'second', '--server-url', 'https://sync.clinic.example/', '--port=5173'], cwd), {
      kind: 'run',
      options: { workstationOnly: true, dataDir: path.join(cwd, 'second'), serverUrl: 'https://sync.clinic.example', port: 5173 },
    });
    const absolute = parseStartArgs(['--workstation-only', '--data-dir=/tmp/x'], cwd);
    assert.deepEqual(absolute.kind === 'run' && absolute.options, { workstationOnly: true, dataDir: '/tmp/x', serverUrl: DEFAULT_SERVER_URL, port: 0 });
  });

  it('asks for help', () => {
    assert.deepEqual(parseStartArgs(['--help'], cwd), { kind: 'help' });
    assert.deepEqual(parseStartArgs(['-h'], cwd), { kind: 'help' });
    for (const option of ['--workstation-only', '--data-dir', '--server-url', '--port', '--help']) assert.ok(usage.includes(option), `the help names ${option}`);
  });

  it('names an unknown option or argument', () => {
    assert.equal(errorOf(['--data-folder', '/tmp/x']), "Unknown option '--data-folder'");
    assert.equal(errorOf(['-x']), "Unknown option '-x'");
    assert.match(errorOf(['second']), /^Unexpected argument 'second'/);
  });

  it('refuses a missing value, a bad port or server address, and --server-url without --workstation-only', () => {
    assert.match(errorOf(['--data-dir']), /--data-dir <value>' argument missing/);
    assert.equal(errorOf(['--data-dir=']), '--data-dir needs a folder.');
    for (const port of ['abc', '70000', '-1', '1.5', '']) assert.match(errorOf([`--port=${port}`]), /^--port must be a whole number from 0 to 65535/);
    assert.match(errorOf(['--workstation-only', '--server-url', 'localhost:4010']), /^--server-url must be an http/);
    assert.match(errorOf(['--server-url', 'http://10.0.0.5:4010']), /^--server-url needs --workstation-only/);
  });
});

describe('npm start', () => {
  const start = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/start.ts'), ...args], { cwd: repoRoot, encoding: 'utf8' });

  it('--help prints the options and exits 0, starting nothing', () => {
    const run = start(['--help']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout.trim(), usage);
    assert.equal(run.stderr, '');
  });

  it('an unknown option is an error naming it (exit 2), starting nothing', () => {
    const run = start(['--workstation', '--data-dir', '/tmp/x']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, "Unknown option '--workstation'\nRun `npm start -- --help` for the options.\n");
    assert.equal(run.stdout, '');
  });
});
