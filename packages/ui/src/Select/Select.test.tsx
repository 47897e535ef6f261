import { GlobalRegistrator } from '@happy-dom/global-registrator';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Select } from './Select.tsx';

GlobalRegistrator.register();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, fireEvent, render, screen } = await import('@testing-library/react');

const sexes = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
];

describe('Select', () => {
  afterEach(cleanup);

  it('is a combobox named by its label, with the placeholder first', () => {
    render(<Select label="Sex" value="" onChange={() => {}} options={sexes} placeholder="Choose…" />);
    const select = screen.getByRole('combobox', { name: 'Sex' }) as HTMLSelectElement;
    assert.deepEqual(
      [...select.options].map((o) => o.textContent),
      ['Choose…', 'Female', 'Male'],
    );
    assert.equal(select.value, '');
  });

  it('reports the chosen value', () => {
    const seen: string[] = [];
    render(<Select label="Sex" value="" onChange={(v) => seen.push(v)} options={sexes} placeholder="Choose…" />);
    fireEvent.change(screen.getByLabelText('Sex'), { target: { value: 'male' } });
    assert.deepEqual(seen, ['male']);
  });

  it('shows its error and sets aria-invalid', () => {
    render(<Select label="Sex" value="" onChange={() => {}} options={sexes} error="Must be female, male, other or unknown" />);
    assert.equal(screen.getByLabelText('Sex').getAttribute('aria-invalid'), 'true');
    assert.ok(screen.getByText('Must be female, male, other or unknown'));
  });

  it('submits its form on Enter, like a text field', () => {
    let submits = 0;
    render(
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submits++;
        }}
      >
        <Select label="Sex" value="female" onChange={() => {}} options={sexes} />
      </form>,
    );
    fireEvent.keyDown(screen.getByLabelText('Sex'), { key: 'Enter' });
    assert.equal(submits, 1);
  });
});
