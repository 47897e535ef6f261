import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SERVER_URL, parseImportArgs } from './args.ts';

describe('parseImportArgs', () => {
  it('takes folders or files, the server and the email', () => {
    assert.deepEqual(parseImportArgs(['bundles', 'one.json', '--server', 'https://sync.clinic.example/', '--email', 'admin@clinic'], {}), {
      kind: 'run',
      options: { paths: ['bundles', 'one.json'], serverUrl: 'https://sync.clinic.example', email: 'admin@clinic' },
    });
  });

  it('defaults the server and reads the email from EONPRO_EMAIL', () => {
    assert.deepEqual(parseImportArgs(['bundles'], { EONPRO_EMAIL: 'admin@clinic' }), {
      kind: 'run',
      options: { paths: ['bundles'], serverUrl: DEFAULT_SERVER_URL, email: 'admin@clinic' },
    });
  });

  it('prefers --email over EONPRO_EMAIL', () => {
    const parsed = parseImportArgs(['b', '--email=a@one'], { EONPRO_EMAIL: 'b@two' });
    assert.equal(parsed.kind === 'run' && parsed.options.email, 'a@one');
  });

  it('asks for help', () => {
    assert.deepEqual(parseImportArgs(['--help'], {}), { kind: 'help' });
    assert.deepEqual(parseImportArgs(['-h'], {}), { kind: 'help' });
  });

  it('refuses a call without a folder, with an unknown option, a bad server address or no email', () => {
    const message = (argv: string[], env: Record<string, string> = { EONPRO_EMAIL: 'a@b' }) => {
      const parsed = parseImportArgs(argv, env);
      assert.equal(parsed.kind, 'error');
      return parsed.kind === 'error' ? parsed.message : '';
    };
    assert.match(message([]), /Name a folder/);
    assert.match(message(['b', '--verbose']), /Unknown option '--verbose'/);
    assert.match(message(['b', '--server', 'ftp://x']), /--server must be an http/);
    assert.match(message(['b', '--server', 'localhost:4010']), /--server must be an http/);
    assert.match(message(['b'], {}), /--email or EONPRO_EMAIL/);
  });
});
