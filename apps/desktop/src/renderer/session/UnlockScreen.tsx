import { Button, TextField } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { FormProblem } from '../forms/FormProblem.tsx';
import { useSecretSubmit } from '../forms/useSecretSubmit.ts';
import { SessionCard } from './SessionCard.tsx';

/**
 * Where the system has no keychain, the database key is unwrapped with a workstation passphrase. The first
 * passphrase entered on a new workstation becomes its passphrase.
 */
export function UnlockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const unlock = useHostAction((host, value: string) => host.session.unlockWorkstation.mutate({ passphrase: value }));
  const { secret: passphrase, setSecret: setPassphrase, submit } = useSecretSubmit(unlock.run, onUnlocked);
  const errors = fieldMessages(unlock.problem?.issues ?? []);

  return (
    <SessionCard
      title="Unlock this workstation"
      intro={<p>Patient data on this computer is encrypted. Enter the workstation passphrase to open it. On a new workstation, the passphrase you choose here protects it from now on.</p>}
    >
      <form onSubmit={submit} noValidate>
        <TextField
          label="Workstation passphrase"
          type="password"
          autoComplete="current-password"
          autoFocus
          required
          value={passphrase}
          onChange={setPassphrase}
          error={errors.passphrase}
        />
        <FormProblem problem={unlock.problem} fields={['passphrase']} title="Not unlocked" />
        <Button type="submit" variant="primary" busy={unlock.busy} busyLabel="Unlocking…">
          Unlock
        </Button>
      </form>
    </SessionCard>
  );
}
