import { useState, type FormEvent } from 'react';
import { Button, TextField } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { FormProblem } from '../forms/FormProblem.tsx';
import { useSecretSubmit } from '../forms/useSecretSubmit.ts';
import { SessionCard } from './SessionCard.tsx';

const PASSPHRASES_DIFFER = 'The two passphrases differ. Type the passphrase again in both fields.';

/**
 * Where the system has no keychain, the database key is unwrapped with a workstation passphrase. The first
 * passphrase entered on a new workstation becomes its passphrase, so it is asked twice: a typo there would lock
 * the workstation's data away for good.
 */
export function UnlockScreen({ isNew, onUnlocked }: { isNew: boolean; onUnlocked: () => void }) {
  const unlock = useHostAction((host, value: string) => host.session.unlockWorkstation.mutate({ passphrase: value }));
  const { secret: passphrase, setSecret: setPassphrase, submit } = useSecretSubmit(unlock.run, onUnlocked);
  const [repeat, setRepeat] = useState('');
  const [differ, setDiffer] = useState(false);
  const errors = fieldMessages(unlock.problem?.issues ?? []);

  const onSubmit = (event: FormEvent) => {
    const mismatch = isNew && passphrase !== repeat;
    setDiffer(mismatch);
    setRepeat('');
    if (!mismatch) return submit(event);
    event.preventDefault();
    setPassphrase('');
  };

  return (
    <SessionCard
      title={isNew ? 'Choose a workstation passphrase' : 'Unlock this workstation'}
      intro={
        isNew ? (
          <p>Patient data on this computer will be encrypted. Choose a passphrase of at least 12 characters: it protects this workstation from now on and is asked at every start. Without it the data here cannot be opened.</p>
        ) : (
          <p>Patient data on this computer is encrypted. Enter the workstation passphrase to open it.</p>
        )
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label="Workstation passphrase"
          type="password"
          autoComplete={isNew ? 'new-password' : 'current-password'}
          autoFocus
          required
          value={passphrase}
          onChange={setPassphrase}
          error={errors.passphrase}
        />
        {isNew && (
          <TextField
            label="Repeat the passphrase"
            type="password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={setRepeat}
            error={differ ? PASSPHRASES_DIFFER : undefined}
          />
        )}
        <FormProblem problem={unlock.problem} fields={['passphrase']} title="Not unlocked" />
        <Button type="submit" variant="primary" busy={unlock.busy} busyLabel="Unlocking…">
          {isNew ? 'Encrypt and open' : 'Unlock'}
        </Button>
      </form>
    </SessionCard>
  );
}
