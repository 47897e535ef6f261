import { Alert, Button } from '@eonpro/ui';
import { useHostAction } from '../api/useHostAction.ts';
import { SessionCard } from '../session/SessionCard.tsx';
import { dayText, instantText } from './instantText.ts';

/**
 * The clinic revoked this workstation and it erased its local data: say when and why. Setting it up again makes a new
 * workstation (new key) that waits for approval like any other.
 */
export function WorkstationRevokedScreen({
  revocation,
  onSetUpAgain,
}: {
  revocation: { revokedAt: string; reason: string; erasedAt: string; unsentChanges: number | null };
  onSetUpAgain: () => void;
}) {
  const setUpAgain = useHostAction((host) => host.workstations.setUpAgain.mutate());
  return (
    <SessionCard title="Workstation revoked">
      <Alert tone="error" title="Local data erased">
        <p>
          This workstation was revoked by the clinic on {dayText(revocation.revokedAt)}: {revocation.reason || 'no reason was given'}. Its local
          data has been erased.
        </p>
        <p>{unsentChangesText(revocation.unsentChanges)}</p>
      </Alert>
      {revocation.erasedAt && <p className="session__intro">Erased {instantText(revocation.erasedAt)}.</p>}
      <p className="session__intro">
        To use this computer again, set it up as a new workstation; a clinic administrator then has to approve it.
      </p>
      {setUpAgain.problem && <Alert tone="error">{setUpAgain.problem.message}</Alert>}
      <Button
        busy={setUpAgain.busy}
        busyLabel="Setting up…"
        onClick={async () => {
          const result = await setUpAgain.run();
          if (result.ok) onSetUpAgain();
        }}
      >
        Set up as a new workstation
      </Button>
    </SessionCard>
  );
}

/** The changes that never reached the clinic went with the data: the person is told how many, to redo them elsewhere. */
function unsentChangesText(count: number | null): string {
  if (count === null) return 'Any changes not yet sent to the clinic were erased with it.';
  if (count === 0) return 'Every change made here had reached the clinic.';
  return `${count} ${count === 1 ? 'change' : 'changes'} made here had not reached the clinic and ${count === 1 ? 'was' : 'were'} erased with it: enter ${count === 1 ? 'it' : 'them'} again on another workstation.`;
}
