import { useState } from 'react';
import { Alert, TextField } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { ActionDialog } from '../forms/ActionDialog.tsx';
import type { Workstation } from './WorkstationsTab.tsx';

/** Asks why (required, shown on the workstation) and confirms: revoking cannot be undone. */
export function RevokeWorkstationDialog({
  workstation,
  onClose,
  onRevoked,
}: {
  workstation: Workstation;
  onClose: () => void;
  onRevoked: (workstation: Workstation) => void;
}) {
  const [reason, setReason] = useState('');
  const revoke = useHostAction((host, why: string) => host.workstations.revoke.mutate({ deviceId: workstation.id, reason: why }));
  const errors = revoke.problem ? fieldMessages(revoke.problem.issues) : {};

  return (
    <ActionDialog
      withFields
      title={`Revoke ${workstation.name}?`}
      actionLabel="Revoke and erase"
      variant="danger"
      busy={revoke.busy}
      busyLabel="Revoking…"
      onClose={onClose}
      onAction={async () => {
        const result = await revoke.run(reason);
        if (result.ok) onRevoked(result.value);
      }}
    >
      <p>
        {workstation.name} (code {workstation.fingerprint ?? 'none'}) is signed out at once and can no longer sync. The next time it reaches the
        server it erases its local data, including changes it has not sent yet. This cannot be undone.
      </p>
      <TextField
        label="Reason"
        required
        autoFocus
        value={reason}
        onChange={setReason}
        error={errors.reason}
        hint="Shown on the workstation, e.g. “Laptop stolen”. No patient details."
      />
      {revoke.problem && !errors.reason && <Alert tone="error">{revoke.problem.message}</Alert>}
    </ActionDialog>
  );
}
