import { GlobalRegistrator } from '@happy-dom/global-registrator';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateField } from './DateField.tsx';

GlobalRegistrator.register();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, fireEvent, render, screen } = await import('@testing-library/react');

describe('DateField', () => {
  afterEach(cleanup);

  it('is a date input linked to its label, limited by max', () => {
    render(<DateField label="Date of birth" value="" onChange={() => {}} max="2024-05-01" />);
    const input = screen.getByLabelText('Date of birth') as HTMLInputElement;
    assert.equal(input.type, 'date');
    assert.equal(input.max, '2024-05-01');
  });

  it('passes the chosen date on as YYYY-MM-DD', () => {
    const seen: string[] = [];
    render(<DateField label="Date of birth" value="" onChange={(v) => seen.push(v)} />);
    fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: '1990-04-16' } });
    assert.deepEqual(seen, ['1990-04-16']);
  });

  it('shows an error next to the field and marks it invalid', () => {
    render(<DateField label="Date of birth" value="" onChange={() => {}} error="Cannot be in the future" />);
    const input = screen.getByLabelText('Date of birth');
    assert.equal(input.getAttribute('aria-invalid'), 'true');
    assert.ok(screen.getByText('Cannot be in the future'));
  });
});
