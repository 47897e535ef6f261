import { GlobalRegistrator } from '@happy-dom/global-registrator';
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { AdminScreen } from './AdminScreen.tsx';

GlobalRegistrator.register();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, fireEvent, render, screen } = await import('@testing-library/react');

const tabs = [
  { id: 'users', label: 'Users', panel: () => <p>Users panel</p> },
  { id: 'workstations', label: 'Workstations', panel: () => <p>Workstations panel</p> },
  { id: 'policy', label: 'Policy', panel: () => <p>Policy panel</p> },
];

describe('AdminScreen', () => {
  afterEach(cleanup);

  it('shows the first tab, and moves between tabs with the arrow keys, Home and End, focus following', () => {
    render(<AdminScreen tabs={tabs} />);
    const tab = (name: string) => screen.getByRole('tab', { name });
    assert.equal(tab('Users').getAttribute('aria-selected'), 'true');
    assert.equal(screen.getByRole('tabpanel', { name: 'Users' }).textContent, 'Users panel');
    assert.deepEqual(
      screen.getAllByRole('tab').map((element) => element.tabIndex),
      [0, -1, -1],
      'only the current tab is in the Tab order',
    );

    fireEvent.keyDown(tab('Users'), { key: 'ArrowRight' });
    assert.equal(tab('Workstations').getAttribute('aria-selected'), 'true');
    assert.equal(document.activeElement, tab('Workstations'));
    assert.equal(screen.getByRole('tabpanel', { name: 'Workstations' }).textContent, 'Workstations panel');

    fireEvent.keyDown(tab('Workstations'), { key: 'End' });
    assert.equal(document.activeElement, tab('Policy'));
    fireEvent.keyDown(tab('Policy'), { key: 'ArrowRight' });
    assert.equal(document.activeElement, tab('Users'), 'wraps round');
    fireEvent.keyDown(tab('Users'), { key: 'ArrowLeft' });
    assert.equal(tab('Policy').getAttribute('aria-selected'), 'true');
    fireEvent.keyDown(tab('Policy'), { key: 'Home' });
    assert.equal(tab('Users').getAttribute('aria-selected'), 'true');
  });

  it('opens a tab by click', () => {
    render(<AdminScreen tabs={tabs} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Policy' }));
    assert.equal(screen.getByRole('tabpanel', { name: 'Policy' }).textContent, 'Policy panel');
  });
});
