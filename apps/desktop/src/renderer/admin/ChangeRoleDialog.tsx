import { useState } from 'react';
import { Alert, Select } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { ActionDialog } from '../forms/ActionDialog.tsx';
import { roleLabel, roleOptions } from '../layout/roles.ts';
import type { StaffUser } from './staffUser.ts';

/** Confirms a new role for one user; the server records the old and the new role. */
export function ChangeRoleDialog({ user, onClose, onChanged }: { user: StaffUser; onClose: () => void; onChanged: (user: StaffUser) => void }) {
  const [role, setRole] = useState<string>(user.role);
  const change = useHostAction((host, next: StaffUser['role']) => host.adminUsers.setRole.mutate({ userId: user.id, role: next }));
  const errors = change.problem ? fieldMessages(change.problem.issues) : {};

  return (
    <ActionDialog
      withFields
      title={`Change the role of ${user.name}`}
      actionLabel="Change role"
      actionDisabled={role === user.role}
      busy={change.busy}
      busyLabel="Changing…"
      onClose={onClose}
      onAction={async () => {
        const result = await change.run(role as StaffUser['role']);
        if (result.ok) onChanged(result.value);
      }}
    >
      <p>
        {user.name} is {roleLabel(user.role)} now. The new role applies from their next action on any workstation.
      </p>
      {change.problem && !errors.role && <Alert tone="error">{change.problem.message}</Alert>}
      <Select label="New role" value={role} onChange={setRole} options={roleOptions} error={errors.role} />
    </ActionDialog>
  );
}
