import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findBundleFiles } from './bundleFiles.ts';
import { UsageError } from './usageError.ts';

describe('findBundleFiles', () => {
  let dir: string;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'eonpro-import-files-'));
    await mkdir(path.join(dir, 'bundles'));
    await mkdir(path.join(dir, 'bundles', 'nested'));
    await mkdir(path.join(dir, 'empty'));
    for (const name of ['b.json', 'a.JSON', 'notes.txt', 'nested/c.json']) await writeFile(path.join(dir, 'bundles', name), '{}');
    await writeFile(path.join(dir, 'single.json'), '{}');
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the *.json files directly inside a folder, sorted, then the files named', async () => {
    const files = await findBundleFiles([path.join(dir, 'bundles'), path.join(dir, 'single.json')]);
    assert.deepEqual(files, [path.join(dir, 'bundles', 'a.JSON'), path.join(dir, 'bundles', 'b.json'), path.join(dir, 'single.json')]);
  });

  it('refuses a path that does not exist, naming it', async () => {
    const missing = path.join(dir, 'missing');
    await assert.rejects(findBundleFiles([missing]), (error: unknown) => error instanceof UsageError && error.message.includes(missing));
  });

  it('refuses a folder without bundles', async () => {
    await assert.rejects(findBundleFiles([path.join(dir, 'empty')]), (error: unknown) => error instanceof UsageError && /no \*\.json/.test(error.message));
  });

  it('refuses a bundle it cannot read (a folder named .json, a broken link), before importing anything', async () => {
    const unreadable = path.join(dir, 'unreadable');
    await mkdir(path.join(unreadable, 'folder.json'), { recursive: true });
    await assert.rejects(findBundleFiles([unreadable]), (error: unknown) => error instanceof UsageError && error.message.includes('folder.json'));
    const broken = path.join(dir, 'broken');
    await mkdir(broken);
    await symlink(path.join(dir, 'nowhere.json'), path.join(broken, 'gone.json'));
    await assert.rejects(findBundleFiles([broken]), (error: unknown) => error instanceof UsageError && error.message.includes('Cannot read'));
  });
});
