import { Alert } from '@eonpro/ui';
import { useHostAction } from '../api/useHostAction.ts';
import { ActionDialog } from '../forms/ActionDialog.tsx';
import type { StaffUser } from './staffUser.ts';

/** Confirms disabling (signs the user out everywhere at once) or enabling a user. */
export function SetActiveDialog({ user, onClose, onChanged }: { user: StaffUser; onClose: () => void; onChanged: (user: StaffUser) => void }) {
  const enabling = !user.active;
  const change = useHostAction((host) => host.adminUsers.setActive.mutate({ userId: user.id, active: enabling }));

  return (
    <ActionDialog
      title={enabling ? `Enable ${user.name}?` : `Disable ${user.name}?`}
      actionLabel={enabling ? 'Enable' : 'Disable'}
      variant={enabling ? 'primary' : 'danger'}
      busy={change.busy}
      busyLabel={enabling ? 'Enabling…' : 'Disabling…'}
      onClose={onClose}
      onAction={async () => {
        const result = await change.run();
        if (result.ok) onChanged(result.value);
      }}
    >
      <p>
        {enabling
          ? `${user.name} will be able to sign in again with their password.`
          : `${user.name} is signed out of every workstation at once and cannot sign in until enabled again. What they recorded and the audit trail stay.`}
      </p>
      {change.problem && <Alert tone="error">{change.problem.message}</Alert>}
    </ActionDialog>
  );
}
