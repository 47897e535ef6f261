import { Alert, Button, Dialog } from '@eonpro/ui';
import { useHostAction } from '../api/useHostAction.ts';
import type { StaffUser } from './staffUser.ts';

/** Confirms resetting a user's two-step sign-in: their authenticator and recovery codes go, and they are signed out. */
export function ResetMfaDialog({ user, onClose, onReset }: { user: StaffUser; onClose: () => void; onReset: () => void }) {
  const reset = useHostAction((host) => host.adminUsers.resetMfa.mutate({ userId: user.id }));

  return (
    <Dialog
      open
      title={`Reset two-step sign-in for ${user.name}?`}
      onClose={onClose}
      actions={
        <>
          <Button
            variant="danger"
            autoFocus
            busy={reset.busy}
            busyLabel="Resetting…"
            onClick={async () => {
              const result = await reset.run();
              if (result.ok) onReset();
            }}
          >
            Reset two-step sign-in
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </>
      }
    >
      <p>
        For a lost or replaced phone. {user.name}'s authenticator and recovery codes stop working and they are signed out of every
        workstation. At their next sign-in they set up a new authenticator (prescribers and administrators must).
      </p>
      {reset.problem && <Alert tone="error">{reset.problem.message}</Alert>}
    </Dialog>
  );
}
