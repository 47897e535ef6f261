import { useState, type FormEvent } from 'react';
import { Button, TextField } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { FormProblem } from '../forms/FormProblem.tsx';
import { SessionCard } from './SessionCard.tsx';

interface SignInProps {
  clinicName: string | null;
  /** Set when the session ended under open work (auto-lock): that work is kept behind this screen. */
  resuming: boolean;
  /** A sentence shown above the form (e.g. that signing in ends someone's locked session). */
  notice?: string;
  /** Offers a way back (e.g. to the lock screen). */
  onCancel?: () => void;
  onSignedIn: () => void;
}

export function SignInScreen({ clinicName, resuming, notice, onCancel, onSignedIn }: SignInProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useHostAction((host, input: { email: string; password: string }) => host.session.signIn.mutate(input));
  const errors = fieldMessages(signIn.problem?.issues ?? []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signIn.run({ email, password });
    setPassword('');
    if (result.ok) onSignedIn();
  };

  return (
    <SessionCard
      title={clinicName ? `Sign in to ${clinicName}` : 'Sign in'}
      intro={
        notice ? <p>{notice}</p> : resuming ? <p>The session was locked. Sign in again to continue; what you were working on is kept.</p> : undefined
      }
    >
      <form onSubmit={submit} noValidate>
        <TextField label="Email" type="email" required autoFocus autoComplete="username" value={email} onChange={setEmail} error={errors.email} />
        <TextField
          label="Password"
          type="password"
          required
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
        <FormProblem problem={signIn.problem} fields={['email', 'password']} title="Not signed in" />
        <Button type="submit" variant="primary" busy={signIn.busy} busyLabel="Signing in…">
          Sign in
        </Button>
        {onCancel && <Button onClick={onCancel}>Back</Button>}
      </form>
    </SessionCard>
  );
}
