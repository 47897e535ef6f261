import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';
import { takeLaunchToken } from './launchToken.ts';

describe('takeLaunchToken', () => {
  let window: Window;
  beforeEach(() => {
    window = new Window({ url: 'http://127.0.0.1:5123/' });
  });
  afterEach(async () => {
    await window.happyDOM.close();
  });

  const take = () =>
    takeLaunchToken(window.location as unknown as Location, window.history as unknown as History, window.sessionStorage as unknown as Storage);

  it('reads the token from the fragment and removes it from the address bar', () => {
    window.location.href = 'http://127.0.0.1:5123/?lang=en#token=abc123';
    assert.equal(take(), 'abc123');
    assert.equal(window.location.href, 'http://127.0.0.1:5123/?lang=en');
  });

  it('finds the token again after a reload, from this tab’s session storage', () => {
    window.location.href = 'http://127.0.0.1:5123/#token=abc123';
    take();
    assert.equal(window.location.hash, '');
    assert.equal(take(), 'abc123');
  });

  it('prefers a new token in the fragment over the stored one', () => {
    window.sessionStorage.setItem('eonpro.launchToken', 'old');
    window.location.href = 'http://127.0.0.1:5123/#token=new';
    assert.equal(take(), 'new');
    assert.equal(take(), 'new');
  });

  it('returns null when the page was opened without a token', () => {
    assert.equal(take(), null);
  });
});
