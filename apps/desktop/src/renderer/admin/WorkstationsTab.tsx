import { useState } from 'react';
import { Alert, Button, DataTable } from '@eonpro/ui';
import { useHostAction } from '../api/useHostAction.ts';
import { useHostQuery } from '../api/useHostQuery.ts';
import type { HostOutputs } from '../trpc.ts';
import { instantText } from '../workstation/instantText.ts';
import { RevokeWorkstationDialog } from './RevokeWorkstationDialog.tsx';

export type Workstation = HostOutputs['workstations']['list']['devices'][number];

const STATUS_LABELS: Record<Workstation['status'], string> = { pending: 'Waiting for approval', approved: 'Approved', revoked: 'Revoked' };

/**
 * The clinic's workstations: approve a waiting one once its code matches the one on its screen; revoke one that is
 * lost, stolen or retired (it erases its local data at its next contact with the server).
 */
export function WorkstationsTab() {
  const list = useHostQuery('admin-workstations', (host) => host.workstations.list.query());
  const approve = useHostAction((host, deviceId: string) => host.workstations.approve.mutate({ deviceId }));
  const [revoking, setRevoking] = useState<Workstation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const devices = list.data?.devices;
  const thisDeviceId = list.data?.thisDeviceId ?? null;

  const done = (message: string) => {
    setRevoking(null);
    setNotice(message);
    list.reload();
  };

  return (
    <>
      <div className="admin-panel__head">
        <p className="screen-intro">
          Every computer that has signed in to this clinic. A new workstation waits here until you approve it: first check that its code is the one
          shown on its screen. Revoking a workstation signs it out at once and erases its local data the next time it reaches the server.
        </p>
        <Button onClick={list.reload}>Refresh</Button>
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      {approve.problem && <Alert tone="error">{approve.problem.message}</Alert>}
      {list.problem && (
        <Alert tone="error" title="The workstations could not be loaded" actions={<Button onClick={list.reload}>Try again</Button>}>
          <p>{list.problem.message}</p>
        </Alert>
      )}
      {!devices && !list.problem && <p role="status">Loading workstations…</p>}
      {devices && (
        <DataTable
          caption="Workstations of this clinic"
          rows={devices}
          getRowKey={(device) => device.id}
          empty="No workstations yet."
          columns={[
            { header: 'Name', cell: (device) => (device.id === thisDeviceId ? `${device.name} (this workstation)` : device.name) },
            { header: 'Code', cell: (device) => device.fingerprint ?? '—' },
            { header: 'Status', cell: (device) => STATUS_LABELS[device.status] },
            { header: 'Last seen', cell: (device) => instantText(device.lastSeenAt) || 'Never' },
            {
              header: 'Actions',
              cell: (device) => (
                <span className="admin-table__actions">
                  {device.status === 'pending' && (
                    <Button
                      variant="primary"
                      busy={approve.busy}
                      busyLabel="Approving…"
                      aria-label={`Approve ${device.name} (code ${device.fingerprint ?? 'none'})`}
                      onClick={async () => {
                        const result = await approve.run(device.id);
                        if (result.ok) done(`${device.name} is approved.`);
                      }}
                    >
                      Approve
                    </Button>
                  )}
                  {device.status === 'revoked' && <span className="admin-table__note">{device.revokedReason}</span>}
                  {device.status !== 'revoked' && device.id !== thisDeviceId && (
                    <Button variant="danger" aria-label={`Revoke ${device.name}`} onClick={() => setRevoking(device)}>
                      Revoke
                    </Button>
                  )}
                </span>
              ),
            },
          ]}
        />
      )}
      {revoking && (
        <RevokeWorkstationDialog
          workstation={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={(device) => done(`${device.name} is revoked. It erases its local data at its next contact with the server.`)}
        />
      )}
    </>
  );
}
