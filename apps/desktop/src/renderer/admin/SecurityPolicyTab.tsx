import { useEffect, useState, type FormEvent } from 'react';
import { Button, TextField } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { useHostQuery } from '../api/useHostQuery.ts';
import { FormProblem } from '../forms/FormProblem.tsx';

/** The clinic's idle lock: every workstation locks a session after this many minutes without activity (1–60). */
export function SecurityPolicyTab() {
  const policy = useHostQuery('policy', (host) => host.policy.get.query());
  const [minutes, setMinutes] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const update = useHostAction((host, idleLockMinutes: number) => host.policy.update.mutate({ idleLockMinutes }));
  const errors = fieldMessages(update.problem?.issues ?? []);
  const [localError, setLocalError] = useState<string | undefined>();

  useEffect(() => {
    if (policy.data) setMinutes(String(policy.data.idleLockMinutes));
  }, [policy.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const value = Number(minutes);
    if (!Number.isInteger(value) || value < 1 || value > 60) {
      setLocalError('A whole number of minutes from 1 to 60');
      return;
    }
    setLocalError(undefined);
    const result = await update.run(value);
    if (result.ok) {
      setSaved(`Saved: sessions lock after ${result.value.idleLockMinutes} ${result.value.idleLockMinutes === 1 ? 'minute' : 'minutes'} without activity.`);
      policy.reload();
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Security policy">
      <p>Workstations lock a signed-in session after this long without keyboard or mouse activity. Unlocking needs the password again.</p>
      <TextField
        label="Idle lock (minutes)"
        inputMode="numeric"
        required
        value={minutes}
        onChange={setMinutes}
        error={localError ?? errors.idleLockMinutes}
        hint="1 to 60; the clinic default is 10. Changing it needs the sync server."
      />
      <FormProblem problem={update.problem} fields={['idleLockMinutes']} title="Not saved" />
      <Button type="submit" variant="primary" busy={update.busy} busyLabel="Saving…">
        Save policy
      </Button>
      <p role="status">{saved}</p>
    </form>
  );
}
