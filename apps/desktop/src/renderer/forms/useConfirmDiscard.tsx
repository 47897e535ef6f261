import { useState } from 'react';
import { Button, Dialog } from '@eonpro/ui';

/**
 * Cancel (button or Esc) on a form with typed input asks before discarding it; on an untouched form it
 * simply cancels.
 */
export function useConfirmDiscard(dirty: boolean, onCancel: () => void, what: string) {
  const [asking, setAsking] = useState(false);
  const requestCancel = () => (dirty ? setAsking(true) : onCancel());
  const dialog = (
    <Dialog
      open={asking}
      title={`Discard this ${what}?`}
      onClose={() => setAsking(false)}
      actions={
        <>
          <Button variant="primary" autoFocus onClick={() => setAsking(false)}>
            Keep editing
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              setAsking(false);
              onCancel();
            }}
          >
            Discard
          </Button>
        </>
      }
    >
      <p>What you typed has not been saved.</p>
    </Dialog>
  );
  return { requestCancel, dialog };
}
