import { GlobalRegistrator } from '@happy-dom/global-registrator';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResultList } from './ResultList.tsx';
import { useListNavigation } from './useListNavigation.ts';

GlobalRegistrator.register();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, fireEvent, render, screen } = await import('@testing-library/react');

interface Row {
  id: string;
  name: string;
}
const rows: Row[] = [
  { id: 'a', name: 'Reinger, Ima' },
  { id: 'b', name: 'Lemke, Elvina' },
  { id: 'c', name: 'Berge, Trey' },
];

function SearchWithResults({ items, chosen }: { items: Row[]; chosen: string[] }) {
  const navigation = useListNavigation('results', items, (row) => chosen.push(row.id));
  return (
    <div>
      <input
        aria-label="Find patient"
        role="combobox"
        aria-controls="results"
        aria-expanded={items.length > 0}
        aria-activedescendant={navigation.activeDescendantId}
        onKeyDown={navigation.onKeyDown}
      />
      <ResultList label="Matching patients" navigation={navigation} getKey={(r) => r.id} renderItem={(r) => r.name} />
    </div>
  );
}

function selectedNames(): string[] {
  return screen
    .getAllByRole('option')
    .filter((o) => o.getAttribute('aria-selected') === 'true')
    .map((o) => o.textContent ?? '');
}

describe('ResultList', () => {
  afterEach(cleanup);

  it('lists every item as an option of a labelled listbox, none active at first', () => {
    render(<SearchWithResults items={rows} chosen={[]} />);
    assert.ok(screen.getByRole('listbox', { name: 'Matching patients' }));
    assert.deepEqual(
      screen.getAllByRole('option').map((o) => o.textContent),
      ['Reinger, Ima', 'Lemke, Elvina', 'Berge, Trey'],
    );
    assert.deepEqual(selectedNames(), []);
  });

  it('moves the active option with arrow keys from the search box and points aria-activedescendant at it', () => {
    render(<SearchWithResults items={rows} chosen={[]} />);
    const input = screen.getByRole('combobox', { name: 'Find patient' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    assert.deepEqual(selectedNames(), ['Reinger, Ima']);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    assert.deepEqual(selectedNames(), ['Berge, Trey'], 'stops at the last option');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    assert.deepEqual(selectedNames(), ['Lemke, Elvina']);
    const active = document.getElementById(input.getAttribute('aria-activedescendant') ?? '');
    assert.equal(active?.textContent, 'Lemke, Elvina');
  });

  it('chooses the active option with Enter, and nothing when none is active', () => {
    const chosen: string[] = [];
    render(<SearchWithResults items={rows} chosen={chosen} />);
    const input = screen.getByRole('combobox');
    fireEvent.keyDown(input, { key: 'Enter' });
    assert.deepEqual(chosen, []);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    assert.deepEqual(chosen, ['b']);
  });

  it('supports Home, End and Enter when the list itself has focus', () => {
    const chosen: string[] = [];
    render(<SearchWithResults items={rows} chosen={chosen} />);
    const list = screen.getByRole('listbox');
    fireEvent.focus(list);
    assert.deepEqual(selectedNames(), ['Reinger, Ima'], 'focusing the list activates the first option');
    fireEvent.keyDown(list, { key: 'End' });
    assert.deepEqual(selectedNames(), ['Berge, Trey']);
    fireEvent.keyDown(list, { key: 'Home' });
    fireEvent.keyDown(list, { key: 'Enter' });
    assert.deepEqual(chosen, ['a']);
  });

  it('chooses an option on click', () => {
    const chosen: string[] = [];
    render(<SearchWithResults items={rows} chosen={chosen} />);
    fireEvent.click(screen.getByRole('option', { name: 'Berge, Trey' }));
    assert.deepEqual(chosen, ['c']);
  });

  it('forgets the active option when new results arrive', () => {
    const chosen: string[] = [];
    const { rerender } = render(<SearchWithResults items={rows} chosen={chosen} />);
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'ArrowDown' });
    rerender(<SearchWithResults items={[rows[2]!, rows[0]!]} chosen={chosen} />);
    assert.deepEqual(selectedNames(), []);
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Enter' });
    assert.deepEqual(chosen, []);
  });
});
