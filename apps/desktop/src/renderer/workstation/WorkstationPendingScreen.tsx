import { useEffect, useState } from 'react';
import { Alert, Button } from '@eonpro/ui';
import { useHostAction } from '../api/useHostAction.ts';
import { SessionCard } from '../session/SessionCard.tsx';

/** How often a waiting workstation asks whether it has been approved. */
const CHECK_EVERY_MS = 5_000;

/**
 * A new workstation waits for a clinic administrator: it names itself and shows the code the administrator compares
 * in Administration → Workstations, asks again every few seconds (or at once on the button), and then lets the person
 * sign in.
 */
export function WorkstationPendingScreen({ name, code, onApproved }: { name: string; code: string; onApproved: () => void }) {
  const [approved, setApproved] = useState(false);
  const check = useHostAction((host) => host.workstations.checkApproval.mutate());
  const leave = useHostAction((host) => host.workstations.leaveWaiting.mutate());
  const { run } = check;

  const checkNow = async () => {
    const result = await run();
    if (result.ok && result.value.state !== 'workstation-pending') setApproved(true);
  };

  useEffect(() => {
    if (approved) return;
    const timer = setInterval(() => void checkNow(), CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [approved]); // one timer while waiting; checkNow uses only the host and state setters, which never change

  if (approved) {
    return (
      <SessionCard title="Workstation approved">
        <Alert tone="success">
          <p>This workstation is approved. Sign in to continue.</p>
        </Alert>
        <Button variant="primary" autoFocus onClick={onApproved}>
          Sign in
        </Button>
      </SessionCard>
    );
  }

  return (
    <SessionCard title="Waiting for approval">
      <p role="status">
        Waiting for approval: ask your clinic administrator to approve workstation <strong>{name}</strong> (code{' '}
        <strong className="workstation-code">{code}</strong>).
      </p>
      <p className="session__intro">
        The administrator finds it under Administration → Workstations and checks that the code there is the same. This
        screen checks again every few seconds.
      </p>
      {check.problem && <Alert tone="error">{check.problem.message}</Alert>}
      <div className="form-actions">
        <Button variant="primary" autoFocus busy={check.busy} busyLabel="Checking…" onClick={() => void checkNow()}>
          Check now
        </Button>
        <Button
          onClick={async () => {
            if ((await leave.run()).ok) onApproved();
          }}
        >
          Sign in as someone else
        </Button>
      </div>
    </SessionCard>
  );
}
