import { GlobalRegistrator } from '@happy-dom/global-registrator';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Button } from './Button.tsx';

GlobalRegistrator.register();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, fireEvent, render, screen } = await import('@testing-library/react');

describe('Button', () => {
  afterEach(cleanup);

  it('is a plain button by default, so it never submits a form by accident', () => {
    render(<Button>Save</Button>);
    assert.equal(screen.getByRole('button', { name: 'Save' }).getAttribute('type'), 'button');
  });

  it('calls onClick when pressed', () => {
    let clicks = 0;
    render(<Button onClick={() => clicks++}>Sync now</Button>);
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    assert.equal(clicks, 1);
  });

  it('while busy is disabled, marked aria-busy and shows the busy label', () => {
    let clicks = 0;
    render(
      <Button busy busyLabel="Saving…" onClick={() => clicks++}>
        Save
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Saving…' });
    assert.equal((button as HTMLButtonElement).disabled, true);
    assert.equal(button.getAttribute('aria-busy'), 'true');
    fireEvent.click(button);
    assert.equal(clicks, 0);
  });
});
