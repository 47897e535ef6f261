import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SERVER_URL, parseLaunchOptions } from './launchOptions.ts';

describe('parseLaunchOptions', () => {
  it('uses the local sync server and the default data folder when nothing is given', () => {
    assert.deepEqual(parseLaunchOptions(['apps/desktop'], '/home/u/.config/EONPro Clinic/clinic-data'), {
      dataDir: '/home/u/.config/EONPro Clinic/clinic-data',
      serverUrl: DEFAULT_SERVER_URL,
    });
  });

  it('reads --data-dir and --server-url among Chromium switches', () => {
    const args = ['apps/desktop', '--no-sandbox', '--data-dir=/srv/eonpro', '--server-url=https://sync.clinic.example/'];
    assert.deepEqual(parseLaunchOptions(args, '/default'), { dataDir: '/srv/eonpro', serverUrl: 'https://sync.clinic.example' });
  });

  it('refuses a server address that is not http(s)', () => {
    assert.throws(() => parseLaunchOptions(['--server-url=file:///etc/passwd'], '/default'), {
      name: 'AppError',
      code: 'VALIDATION',
      issues: [{ path: '--server-url', message: 'Not an http(s) URL.' }],
    });
  });
});
