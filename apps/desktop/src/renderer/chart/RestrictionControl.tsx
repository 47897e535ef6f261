import { Button } from '@eonpro/ui';
import { useHostAction } from '../api/useHostAction.ts';
import { FormProblem } from '../forms/FormProblem.tsx';

interface RestrictionControlProps {
  patient: { id: string; rev: string; restricted: boolean };
  onChanged: () => void;
}

/**
 * For administrators: restrict a patient's record (others then need a break-glass reason to open it) or lift it.
 * The host and the server both refuse it from anyone else.
 */
export function RestrictionControl({ patient, onChanged }: RestrictionControlProps) {
  const change = useHostAction((host, restricted: boolean) =>
    host.patients.update.mutate({ id: patient.id, baseRev: patient.rev, changes: { restricted } }),
  );
  const toggle = async () => {
    const result = await change.run(!patient.restricted);
    if (result.ok) onChanged();
  };
  return (
    <div className="chart__restriction">
      <p>
        {patient.restricted
          ? 'Restricted record: others must give a reason (break-glass) to open it.'
          : 'Anyone signed in at the clinic may open this record.'}
      </p>
      <Button onClick={toggle} busy={change.busy} busyLabel="Saving…">
        {patient.restricted ? 'Lift restriction' : 'Restrict record'}
      </Button>
      <FormProblem problem={change.problem} fields={[]} title="Not changed" />
    </div>
  );
}
