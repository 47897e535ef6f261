import { useState } from 'react';
import { Alert, Select, TextField } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { ActionDialog } from '../forms/ActionDialog.tsx';
import { roleOptions } from '../layout/roles.ts';
import type { StaffUser } from './staffUser.ts';

const EMPTY = { name: '', email: '', role: '', password: '' };

/** Adds a user with a temporary password (at least 12 characters, not a common one); errors sit beside their field. */
export function CreateUserDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (user: StaffUser) => void }) {
  const [form, setForm] = useState(EMPTY);
  const create = useHostAction((host, input: typeof EMPTY & { role: StaffUser['role'] }) => host.adminUsers.create.mutate(input));
  const errors = create.problem ? fieldMessages(create.problem.issues) : {};
  const set = (field: keyof typeof EMPTY) => (value: string) => setForm((previous) => ({ ...previous, [field]: value }));

  return (
    <ActionDialog
      withFields
      title="Add user"
      actionLabel="Add user"
      busy={create.busy}
      busyLabel="Adding…"
      onClose={onClose}
      onAction={async () => {
        const result = await create.run({ ...form, role: form.role as StaffUser['role'] });
        if (result.ok) onCreated(result.value);
      }}
    >
      {create.problem && Object.keys(errors).length === 0 && <Alert tone="error">{create.problem.message}</Alert>}
      <TextField label="Name" required autoFocus value={form.name} onChange={set('name')} error={errors.name} autoComplete="off" />
      <TextField label="Email" required type="email" value={form.email} onChange={set('email')} error={errors.email} autoComplete="off" />
      <Select label="Role" required value={form.role} onChange={set('role')} options={roleOptions} placeholder="Choose a role…" error={errors.role} />
      <TextField
        label="Temporary password"
        required
        type="password"
        value={form.password}
        onChange={set('password')}
        error={errors.password}
        hint="At least 12 characters and not a common password. Give it to the person yourself."
        autoComplete="new-password"
      />
    </ActionDialog>
  );
}
