import { GlobalRegistrator } from '@happy-dom/global-registrator';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useState } from 'react';
import { TextField } from './TextField.tsx';

GlobalRegistrator.register();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, fireEvent, render, screen } = await import('@testing-library/react');

function Controlled(props: { error?: string; hint?: string; required?: boolean }) {
  const [value, setValue] = useState('');
  return <TextField label="Family name" value={value} onChange={setValue} {...props} />;
}

describe('TextField', () => {
  afterEach(cleanup);

  it('links its label to the input', () => {
    render(<Controlled />);
    const input = screen.getByLabelText('Family name');
    assert.equal(input.tagName, 'INPUT');
  });

  it('reports typed text through onChange', () => {
    render(<Controlled />);
    const input = screen.getByLabelText('Family name') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'Reinger' } });
    assert.equal(input.value, 'Reinger');
  });

  it('shows the error, sets aria-invalid and describes the input with the error text', () => {
    render(<Controlled error="Required" hint="As on the insurance card" />);
    const input = screen.getByLabelText('Family name');
    assert.equal(input.getAttribute('aria-invalid'), 'true');
    const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const texts = describedBy.map((id) => document.getElementById(id)?.textContent);
    assert.deepEqual(texts, ['Required', 'As on the insurance card']);
  });

  it('is not marked invalid without an error', () => {
    render(<Controlled hint="As on the insurance card" />);
    const input = screen.getByLabelText('Family name');
    assert.equal(input.hasAttribute('aria-invalid'), false);
    assert.equal(screen.queryByText('Required'), null);
  });

  it('marks a required field for assistive technology without browser validation bubbles', () => {
    render(<Controlled required />);
    const input = screen.getByLabelText('Family name', { exact: true }) as HTMLInputElement;
    assert.equal(input.getAttribute('aria-required'), 'true');
    assert.equal(input.required, false);
  });
});
