import { useState } from 'react';
import { Button, TextField } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { FormProblem } from '../forms/FormProblem.tsx';
import { useSecretSubmit } from '../forms/useSecretSubmit.ts';
import { SessionCard } from './SessionCard.tsx';
import { SignInScreen } from './SignInScreen.tsx';

interface LockScreenProps {
  user: { name: string; email: string };
  clinicName: string | null;
  idleLockMinutes: number;
  /** `requested`: the person pressed Lock; `idle`: the clinic's idle time passed. */
  lockReason: 'idle' | 'requested' | null;
  onUnlocked: () => void;
}

/**
 * The lock (idle, or asked for with Lock): the session is kept (and what was on screen stays behind this card, untouched), but only the same
 * person's password opens it again. Someone else may sign in instead, which ends the locked session.
 */
export function LockScreen({ user, clinicName, idleLockMinutes, lockReason, onUnlocked }: LockScreenProps) {
  const [switching, setSwitching] = useState(false);
  const unlock = useHostAction((host, value: string) => host.session.unlock.mutate({ password: value }));
  const { secret: password, setSecret: setPassword, submit } = useSecretSubmit(unlock.run, onUnlocked);
  const errors = fieldMessages(unlock.problem?.issues ?? []);

  if (switching) {
    return (
      <SignInScreen
        clinicName={clinicName}
        resuming={false}
        notice={`${user.name}'s locked session will end, and anything they had not saved is discarded.`}
        onCancel={() => setSwitching(false)}
        onSignedIn={onUnlocked}
      />
    );
  }

  return (
    <SessionCard
      title={`Locked: ${user.name}`}
      intro={
        <p>
          {lockReason === 'requested'
            ? `${user.name} locked the session.`
            : `The session locked after ${idleLockMinutes} ${idleLockMinutes === 1 ? 'minute' : 'minutes'} without activity.`}{' '}
          What was on screen is kept. Enter the password of {user.email} to continue.
        </p>
      }
    >
      <form onSubmit={submit} noValidate>
        <TextField
          label="Password"
          type="password"
          required
          autoFocus
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
        <FormProblem problem={unlock.problem} fields={['password']} title="Still locked" />
        <Button type="submit" variant="primary" busy={unlock.busy} busyLabel="Unlocking…">
          Unlock
        </Button>
        <Button onClick={() => setSwitching(true)}>Sign in as someone else</Button>
      </form>
    </SessionCard>
  );
}
