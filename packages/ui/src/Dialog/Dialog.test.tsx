import { GlobalRegistrator } from '@happy-dom/global-registrator';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useState } from 'react';
import { Dialog } from './Dialog.tsx';

GlobalRegistrator.register();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, fireEvent, render, screen } = await import('@testing-library/react');

function ConfirmHarness({ closes }: { closes: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Mark entered in error
      </button>
      <Dialog
        open={open}
        title="Mark this allergy entered in error?"
        onClose={() => {
          closes.push('close');
          setOpen(false);
        }}
        actions={
          <button type="button" onClick={() => setOpen(false)}>
            Confirm
          </button>
        }
      >
        The entry stays in the record history.
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  afterEach(cleanup);

  it('opens as a modal named by its title, and closes', () => {
    render(<ConfirmHarness closes={[]} />);
    assert.equal(screen.queryByRole('dialog'), null);
    fireEvent.click(screen.getByRole('button', { name: 'Mark entered in error' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark this allergy entered in error?' }) as HTMLDialogElement;
    assert.equal(dialog.open, true);
    assert.match(dialog.textContent ?? '', /stays in the record history/);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    assert.equal(dialog.open, false);
  });

  it('asks its owner to close on Esc (the cancel event) instead of closing behind its back', () => {
    const closes: string[] = [];
    render(<ConfirmHarness closes={closes} />);
    fireEvent.click(screen.getByRole('button', { name: 'Mark entered in error' }));
    const dialog = screen.getByRole('dialog') as HTMLDialogElement;
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    assert.deepEqual(closes, ['close']);
    assert.equal(dialog.open, false);
  });
});
