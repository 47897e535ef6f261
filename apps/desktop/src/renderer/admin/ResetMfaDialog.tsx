import { Alert } from '@eonpro/ui';
import { useHostAction } from '../api/useHostAction.ts';
import { ActionDialog } from '../forms/ActionDialog.tsx';
import type { StaffUser } from './staffUser.ts';

/** Confirms resetting a user's two-step sign-in: their authenticator and recovery codes go, and they are signed out. */
export function ResetMfaDialog({ user, onClose, onReset }: { user: StaffUser; onClose: () => void; onReset: () => void }) {
  const reset = useHostAction((host) => host.adminUsers.resetMfa.mutate({ userId: user.id }));

  return (
    <ActionDialog
      title={`Reset two-step sign-in for ${user.name}?`}
      actionLabel="Reset two-step sign-in"
      variant="danger"
      busy={reset.busy}
      busyLabel="Resetting…"
      onClose={onClose}
      onAction={async () => {
        const result = await reset.run();
        if (result.ok) onReset();
      }}
    >
      <p>
        For a lost or replaced phone. {user.name}'s authenticator and recovery codes stop working and they are signed out of every
        workstation. At their next sign-in they set up a new authenticator (prescribers and administrators must).
      </p>
      {reset.problem && <Alert tone="error">{reset.problem.message}</Alert>}
    </ActionDialog>
  );
}
