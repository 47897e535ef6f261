import { GlobalRegistrator } from '@happy-dom/global-registrator';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SyncIndicator } from './SyncIndicator.tsx';
import { lastSyncText } from './lastSyncText.ts';

GlobalRegistrator.register();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, fireEvent, render, screen, within } = await import('@testing-library/react');

const now = new Date('2025-03-10T15:00:00Z');

describe('SyncIndicator', () => {
  afterEach(cleanup);

  it('shows pending changes and how long ago the last sync succeeded', () => {
    render(<SyncIndicator state="idle" pending={3} lastSuccessAt="2025-03-10T14:48:00Z" onSyncNow={() => {}} now={now} />);
    const status = within(screen.getByRole('region', { name: 'Sync status' })).getByRole('status');
    assert.match(status.textContent ?? '', /Waiting to sync/);
    assert.match(status.textContent ?? '', /3 changes waiting/);
    assert.match(status.textContent ?? '', /Last synced: 12 min ago/);
  });

  it('says when everything is synced', () => {
    render(<SyncIndicator state="idle" pending={0} lastSuccessAt={now.getTime()} onSyncNow={() => {}} now={now} />);
    assert.match(screen.getByRole('status').textContent ?? '', /Up to date.*No changes waiting.*just now/);
  });

  it('says offline work is kept, and that it never synced', () => {
    render(<SyncIndicator state="offline" pending={1} lastSuccessAt={null} onSyncNow={() => {}} now={now} />);
    assert.match(screen.getByRole('status').textContent ?? '', /Offline.*1 change waiting.*Never/);
  });

  it('shows the error message in the error state', () => {
    render(<SyncIndicator state="error" pending={2} lastSuccessAt={null} errorMessage="The server refused this workstation." onSyncNow={() => {}} now={now} />);
    assert.ok(screen.getByText('The server refused this workstation.'));
  });

  it('runs Sync now on click, and is busy while a sync runs', () => {
    let syncs = 0;
    const { rerender } = render(<SyncIndicator state="idle" pending={2} lastSuccessAt={null} onSyncNow={() => syncs++} now={now} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    assert.equal(syncs, 1);
    rerender(<SyncIndicator state="syncing" pending={2} lastSuccessAt={null} onSyncNow={() => syncs++} now={now} />);
    const busy = screen.getByRole('button', { name: 'Syncing…' }) as HTMLButtonElement;
    assert.equal(busy.disabled, true);
  });

  it('shows pull progress as received of total', () => {
    render(<SyncIndicator state="syncing" pending={0} lastSuccessAt={null} pull={{ received: 200, remaining: 800 }} onSyncNow={() => {}} now={now} />);
    const bar = screen.getByRole('progressbar', { name: 'Receiving changes' });
    assert.equal(bar.getAttribute('aria-valuenow'), '200');
    assert.equal(bar.getAttribute('aria-valuemax'), '1000');
  });
});

describe('lastSyncText', () => {
  it('counts minutes for the last hour', () => {
    assert.equal(lastSyncText('2025-03-10T14:59:30Z', now), 'just now');
    assert.equal(lastSyncText('2025-03-10T14:01:00Z', now), '59 min ago');
  });

  it('names the clock time once it is over an hour old, and the date on an earlier day', () => {
    const afternoon = new Date(2025, 2, 10, 15, 0);
    assert.match(lastSyncText(new Date(2025, 2, 10, 13, 0).toISOString(), afternoon), /^today at /);
    const earlier = lastSyncText(new Date(2025, 2, 1, 13, 0).toISOString(), afternoon);
    assert.doesNotMatch(earlier, /today/);
    assert.match(earlier, /2025/);
  });

  it('says Never before the first sync and Unknown for an unreadable time', () => {
    assert.equal(lastSyncText(null, now), 'Never');
    assert.equal(lastSyncText('not a time', now), 'Unknown');
  });
});
