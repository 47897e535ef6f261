import { GlobalRegistrator } from '@happy-dom/global-registrator';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressBar } from './ProgressBar.tsx';

GlobalRegistrator.register();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, render, screen } = await import('@testing-library/react');

describe('ProgressBar', () => {
  afterEach(cleanup);

  it('exposes value, maximum and text to assistive technology under its label', () => {
    render(<ProgressBar label="Importing" value={2} max={5} valueText="File 2 of 5" />);
    const bar = screen.getByRole('progressbar', { name: 'Importing' });
    assert.equal(bar.getAttribute('aria-valuenow'), '2');
    assert.equal(bar.getAttribute('aria-valuemax'), '5');
    assert.equal(bar.getAttribute('aria-valuetext'), 'File 2 of 5');
    assert.ok(screen.getByText('File 2 of 5'));
  });

  it('fills in proportion to the value', () => {
    render(<ProgressBar label="Importing" value={1} max={4} />);
    const fill = screen.getByRole('progressbar').firstElementChild as HTMLElement;
    assert.equal(fill.style.width, '25%');
  });

  it('has no current value while the total work is unknown', () => {
    render(<ProgressBar label="Receiving changes" max={0} />);
    assert.equal(screen.getByRole('progressbar', { name: 'Receiving changes' }).hasAttribute('aria-valuenow'), false);
  });
});
