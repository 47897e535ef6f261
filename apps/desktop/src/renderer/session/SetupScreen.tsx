import { useState, type FormEvent } from 'react';
import { Button, TextField } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { FormProblem } from '../forms/FormProblem.tsx';
import { SessionCard } from './SessionCard.tsx';

interface SetupValues {
  clinicName: string;
  adminName: string;
  email: string;
  password: string;
}

const fields = ['clinicName', 'adminName', 'email', 'password', 'confirmPassword'];

/** First start: create the clinic and its first administrator on the sync server. */
export function SetupScreen({ onDone }: { onDone: () => void }) {
  const [values, setValues] = useState<SetupValues>({ clinicName: '', adminName: '', email: '', password: '' });
  const [confirmPassword, setConfirmPassword] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const setup = useHostAction((host, input: SetupValues) => host.session.setupClinic.mutate(input));
  const errors = fieldMessages(setup.problem?.issues ?? []);
  const set = (field: keyof SetupValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (values.password !== confirmPassword) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const result = await setup.run(values);
    if (result.ok) onDone();
  };

  return (
    <SessionCard
      title="Set up your clinic"
      intro={<p>This is the first start. Name the clinic and create the administrator account; you will sign in with it next.</p>}
    >
      <form onSubmit={submit} noValidate>
        <TextField label="Clinic name" required autoFocus value={values.clinicName} onChange={set('clinicName')} error={errors.clinicName} />
        <TextField label="Administrator name" required autoComplete="name" value={values.adminName} onChange={set('adminName')} error={errors.adminName} />
        <TextField label="Email" type="email" required autoComplete="username" value={values.email} onChange={set('email')} error={errors.email} />
        <TextField
          label="Password"
          type="password"
          required
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          error={errors.password}
        />
        <TextField
          label="Confirm password"
          type="password"
          required
          autoComplete="new-password"
          value={confirmPassword}
          onChange={setConfirmPassword}
          error={mismatch ? 'Does not match the password' : undefined}
        />
        <FormProblem problem={setup.problem} fields={fields} title="Clinic not created" />
        <Button type="submit" variant="primary" busy={setup.busy} busyLabel="Creating clinic…">
          Create clinic
        </Button>
      </form>
    </SessionCard>
  );
}
