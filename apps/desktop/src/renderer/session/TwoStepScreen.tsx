import { useState } from 'react';
import { Button, TextField } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { FormProblem } from '../forms/FormProblem.tsx';
import { useSecretSubmit } from '../forms/useSecretSubmit.ts';
import { AuthenticatorCodeField } from './AuthenticatorCodeField.tsx';
import { SessionCard } from './SessionCard.tsx';
import { useBackToSignIn } from './useBackToSignIn.ts';

type Proof = { code: string } | { recoveryCode: string };

interface TwoStepProps {
  onSignedIn: () => void;
  /** Back to the password (the waiting sign-in is dropped). */
  onCancel: () => void;
}

/** After the password: the 6-digit code from the authenticator app, or one recovery code instead. */
export function TwoStepScreen({ onSignedIn, onCancel }: TwoStepProps) {
  const [useRecovery, setUseRecovery] = useState(false);
  const complete = useHostAction((host, proof: Proof) => host.session.completeMfa.mutate(proof));
  const { secret: value, setSecret: setValue, submit } = useSecretSubmit(
    (typed) => complete.run(useRecovery ? { recoveryCode: typed } : { code: typed }),
    (outcome) => {
      if (outcome.state === 'signed-in') onSignedIn();
    },
  );
  const { back, busy: leaving } = useBackToSignIn(onCancel);
  const field = useRecovery ? 'recoveryCode' : 'code';
  const errors = fieldMessages(complete.problem?.issues ?? []);

  const switchMode = () => {
    setUseRecovery((recovery) => !recovery);
    setValue('');
    complete.clearProblem();
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
          <AuthenticatorCodeField key="code" value={value} onChange={setValue} error={errors.code} />
        )}
        <FormProblem problem={complete.problem} fields={[field]} title="Not signed in" />
        <Button type="submit" variant="primary" busy={complete.busy} busyLabel="Checking…">
          Sign in
        </Button>
        <Button variant="link" onClick={switchMode}>
          {useRecovery ? 'Use a code from the authenticator app' : 'Use a recovery code instead'}
        </Button>
        <Button onClick={back} busy={leaving}>
          Back
        </Button>
      </form>
    </SessionCard>
  );
}
