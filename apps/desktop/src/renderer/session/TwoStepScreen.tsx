import { useState, type FormEvent } from 'react';
import { Button, TextField } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { FormProblem } from '../forms/FormProblem.tsx';
import { SessionCard } from './SessionCard.tsx';

type Proof = { code: string } | { recoveryCode: string };

interface TwoStepProps {
  onSignedIn: () => void;
  /** Back to the password (the waiting sign-in is dropped). */
  onCancel: () => void;
}

/** After the password: the 6-digit code from the authenticator app, or one recovery code instead. */
export function TwoStepScreen({ onSignedIn, onCancel }: TwoStepProps) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const complete = useHostAction((host, proof: Proof) => host.session.completeMfa.mutate(proof));
  const cancel = useHostAction((host) => host.session.signOut.mutate());
  const field = useRecovery ? 'recoveryCode' : 'code';
  const errors = fieldMessages(complete.problem?.issues ?? []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await complete.run(useRecovery ? { recoveryCode: value } : { code: value });
    setValue('');
    if (result.ok && result.value.state === 'signed-in') onSignedIn();
  };

  const switchMode = () => {
    setUseRecovery((recovery) => !recovery);
    setValue('');
    complete.clearProblem();
  };

  const back = async () => {
    await cancel.run();
    onCancel();
  };

  return (
    <SessionCard
      title="Two-step sign-in"
      intro={
        <p>
          {useRecovery
            ? 'Enter one of the recovery codes you saved when you set up two-step sign-in. Each code works once.'
            : 'Enter the 6-digit code your authenticator app shows for EONPro Clinic.'}
        </p>
      }
    >
      <form onSubmit={submit} noValidate>
        {useRecovery ? (
          <TextField
            key="recoveryCode"
            label="Recovery code"
            required
            autoFocus
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={setValue}
            error={errors.recoveryCode}
          />
        ) : (
          <TextField
            key="code"
            label="Code"
            required
            autoFocus
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            value={value}
            onChange={setValue}
            error={errors.code}
          />
        )}
        <FormProblem problem={complete.problem} fields={[field]} title="Not signed in" />
        <Button type="submit" variant="primary" busy={complete.busy} busyLabel="Checking…">
          Sign in
        </Button>
        <Button variant="link" onClick={switchMode}>
          {useRecovery ? 'Use a code from the authenticator app' : 'Use a recovery code instead'}
        </Button>
        <Button onClick={back} busy={cancel.busy}>
          Back
        </Button>
      </form>
    </SessionCard>
  );
}
