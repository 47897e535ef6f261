import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contentTypeFor, resolveRendererFile } from './rendererFiles.ts';

const root = '/opt/eonpro/dist/renderer';

describe('resolveRendererFile', () => {
  it('maps the app root to index.html', () => {
    assert.equal(resolveRendererFile(root, 'eonpro://app/'), `${root}/index.html`);
  });

  it('maps an asset path inside the renderer folder, ignoring query and fragment', () => {
    assert.equal(resolveRendererFile(root, 'eonpro://app/assets/index-abc.js?v=1#x'), `${root}/assets/index-abc.js`);
  });

  it('keeps dot segments the URL parser resolves inside the renderer folder', () => {
    for (const url of ['eonpro://app/../secret.txt', 'eonpro://app/%2e%2e/secret.txt']) {
      assert.equal(resolveRendererFile(root, url), `${root}/secret.txt`, url);
    }
  });

  it('refuses encoded slashes that would climb out of the renderer folder', () => {
    assert.equal(resolveRendererFile(root, 'eonpro://app/assets/%2E%2E%2F%2E%2E%2Fsecret.txt'), null);
  });

  it('refuses backslashes, NUL bytes and broken escapes', () => {
    for (const url of ['eonpro://app/..%5c..%5csecret', 'eonpro://app/index.html%00.js', 'eonpro://app/%E0%A4%A']) {
      assert.equal(resolveRendererFile(root, url), null, url);
    }
  });

  it('refuses other hosts and schemes', () => {
    for (const url of ['eonpro://other/index.html', 'file:///opt/eonpro/dist/renderer/index.html', 'https://app/index.html']) {
      assert.equal(resolveRendererFile(root, url), null, url);
    }
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build produces and falls back to bytes', () => {
    assert.equal(contentTypeFor('/x/index.html'), 'text/html; charset=utf-8');
    assert.equal(contentTypeFor('/x/app.JS'), 'text/javascript; charset=utf-8');
    assert.equal(contentTypeFor('/x/app.css'), 'text/css; charset=utf-8');
    assert.equal(contentTypeFor('/x/blob.bin'), 'application/octet-stream');
  });
});
