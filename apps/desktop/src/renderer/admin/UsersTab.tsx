import { useState } from 'react';
import { Alert, Button, DataTable } from '@eonpro/ui';
import { useHostQuery } from '../api/useHostQuery.ts';
import { roleLabel } from '../layout/roles.ts';
import { ChangeRoleDialog } from './ChangeRoleDialog.tsx';
import { CreateUserDialog } from './CreateUserDialog.tsx';
import { ResetMfaDialog } from './ResetMfaDialog.tsx';
import { SetActiveDialog } from './SetActiveDialog.tsx';
import type { StaffUser } from './staffUser.ts';

type OpenDialog = { kind: 'create' } | { kind: 'role'; user: StaffUser } | { kind: 'active'; user: StaffUser } | { kind: 'mfa'; user: StaffUser } | null;

/** The clinic's users: who they are, their role, whether they may sign in; add, change role, disable or enable. */
export function UsersTab() {
  const list = useHostQuery('admin-users', (host) => host.adminUsers.list.query());
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const users = list.data?.users;
  const currentUserId = list.data?.currentUserId ?? null;

  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    list.reload();
  };

  return (
    <>
      <div className="admin-panel__head">
        <p className="screen-intro">
          Everyone who signs in to this clinic. A new user signs in with the temporary password you give them. Changes take effect at
          their next action on any workstation; disabling someone signs them out everywhere at once.
        </p>
        <Button variant="primary" onClick={() => setDialog({ kind: 'create' })}>
          Add user
        </Button>
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      {list.problem && (
        <Alert tone="error" title="The users could not be loaded" actions={<Button onClick={list.reload}>Try again</Button>}>
          <p>{list.problem.message}</p>
        </Alert>
      )}
      {!users && !list.problem && <p role="status">Loading users…</p>}
      {users && (
        <DataTable
          caption="Users of this clinic"
          rows={users}
          getRowKey={(user) => user.id}
          empty="No users yet."
          columns={[
            { header: 'Name', cell: (user) => (user.id === currentUserId ? `${user.name} (you)` : user.name) },
            { header: 'Email', cell: (user) => user.email },
            { header: 'Role', cell: (user) => roleLabel(user.role) },
            { header: 'Status', cell: (user) => (user.active ? 'Active' : 'Disabled') },
            { header: 'Two-step sign-in', cell: (user) => (user.mfaEnabled ? 'On' : 'Off') },
            {
              header: 'Actions',
              cell: (user) =>
                user.id === currentUserId ? (
                  <span className="admin-table__note">Another administrator changes your account</span>
                ) : (
                  <span className="admin-table__actions">
                    <Button onClick={() => setDialog({ kind: 'role', user })} aria-label={`Change role of ${user.name}`}>
                      Change role
                    </Button>
                    <Button
                      variant={user.active ? 'danger' : undefined}
                      onClick={() => setDialog({ kind: 'active', user })}
                      aria-label={`${user.active ? 'Disable' : 'Enable'} ${user.name}`}
                    >
                      {user.active ? 'Disable' : 'Enable'}
                    </Button>
                    {user.mfaEnabled && (
                      <Button onClick={() => setDialog({ kind: 'mfa', user })} aria-label={`Reset two-step sign-in of ${user.name}`}>
                        Reset two-step sign-in
                      </Button>
                    )}
                  </span>
                ),
            },
          ]}
        />
      )}
      {dialog?.kind === 'create' && <CreateUserDialog onClose={() => setDialog(null)} onCreated={(user) => done(`${user.name} was added as ${roleLabel(user.role)}.`)} />}
      {dialog?.kind === 'role' && (
        <ChangeRoleDialog user={dialog.user} onClose={() => setDialog(null)} onChanged={(user) => done(`${user.name} is now ${roleLabel(user.role)}.`)} />
      )}
      {dialog?.kind === 'mfa' && (
        <ResetMfaDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onReset={() => done(`${dialog.user.name}'s two-step sign-in was reset; they set it up again at their next sign-in.`)}
        />
      )}
      {dialog?.kind === 'active' && (
        <SetActiveDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onChanged={(user) => done(user.active ? `${user.name} can sign in again.` : `${user.name} is disabled and signed out everywhere.`)}
        />
      )}
    </>
  );
}
