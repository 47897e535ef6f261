import { Alert, Button, Dialog } from '@eonpro/ui';
import type { HostProblem } from '../api/hostProblem.ts';

interface EnteredInErrorDialogProps {
  /** What is being withdrawn, e.g. "allergy to Penicillin"; null when closed. */
  what: string | null;
  busy: boolean;
  problem: HostProblem | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** Withdrawing an entry is a correction like any other: a new entry marks it entered in error. */
export function EnteredInErrorDialog({ what, busy, problem, onConfirm, onClose }: EnteredInErrorDialogProps) {
  return (
    <Dialog
      open={what !== null}
      title="Mark as entered in error?"
      onClose={onClose}
      actions={
        <>
          <Button autoFocus onClick={onClose}>
            Keep it
          </Button>
          <Button variant="danger" busy={busy} busyLabel="Saving…" onClick={onConfirm}>
            Mark entered in error
          </Button>
        </>
      }
    >
      <p>
        The {what} will no longer show on the chart. Use this only when it was recorded by mistake (wrong patient, never true). The entry stays in
        the record’s history.
      </p>
      {problem && (
        <Alert tone="error" title="Not changed">
          {problem.message}
        </Alert>
      )}
    </Dialog>
  );
}
