import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { useHostQuery } from '../api/useHostQuery.ts';
import { useReportUnsaved } from '../app/unsavedChanges.tsx';
import { useEscape } from '../app/useEscape.ts';
import { patientName } from '../format/display.ts';
import { FormProblem } from '../forms/FormProblem.tsx';
import { focusFirstInvalid, localProblem } from '../forms/localProblem.ts';
import type { HostProblem } from '../api/hostProblem.ts';
import type { HostInputs, HostOutputs } from '../trpc.ts';
import { PatientFormFields } from './PatientFormFields.tsx';
import { changedFields, checkChanges, patientFormFields, patientToForm, type PatientFormField, type PatientFormValues } from './patientForm.ts';

interface EditPatientScreenProps {
  patientId: string;
  onSaved: () => void;
  onCancel: () => void;
}

export function EditPatientScreen({ patientId, onSaved, onCancel }: EditPatientScreenProps) {
  const patient = useHostQuery(`patient:${patientId}`, (host) => host.patients.get.query({ id: patientId }));
  useEscape(onCancel);

  if (!patient.data) {
    if (patient.problem) return <Alert tone="error" title="Could not open this patient">{patient.problem.message}</Alert>;
    return <p role="status">Loading patient…</p>;
  }
  return <EditPatientForm key={patient.data.rev} patient={patient.data} onSaved={onSaved} onCancel={onCancel} onReload={patient.reload} />;
}

interface EditPatientFormProps {
  patient: HostOutputs['patients']['get'];
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}

/**
 * Sends only the fields the person changed, with the version they started from (baseRev): the host
 * refuses the save if someone else changed one of those same fields meanwhile.
 */
function EditPatientForm({ patient, onSaved, onCancel, onReload }: EditPatientFormProps) {
  const [original] = useState(() => patientToForm(patient));
  const [values, setValues] = useState<PatientFormValues>(original);
  const [nothingChanged, setNothingChanged] = useState(false);
  const [unsentProblem, setUnsentProblem] = useState<HostProblem | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const update = useHostAction((host, input: HostInputs['patients']['update']) => host.patients.update.mutate(input));
  const problem = unsentProblem ?? update.problem;
  const errors = fieldMessages(problem?.issues ?? [], ['changes']);
  const changes = changedFields(original, values);
  useReportUnsaved(Object.keys(changes).length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(changes).length === 0) {
      setNothingChanged(true);
      return;
    }
    const checked = checkChanges(changes);
    setUnsentProblem(checked.ok ? null : localProblem(checked.issues));
    if (!checked.ok) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const result = await update.run({ id: patient.id, baseRev: patient.rev, changes: checked.value });
    if (result.ok) onSaved();
    else focusFirstInvalid(formRef.current);
  };

  return (
    <section aria-labelledby="edit-title">
      <h1 id="edit-title" className="screen-title">
        Edit demographics — {patientName(patient)}
      </h1>
      <form ref={formRef} onSubmit={submit} noValidate>
        <PatientFormFields
          values={values}
          onChange={(field: PatientFormField, value: string) => {
            setNothingChanged(false);
            setValues((v) => ({ ...v, [field]: value }));
          }}
          errors={errors}
          mrnOptional={false}
          identifiersOnFile={patient}
        />
        <FormProblem problem={problem} fields={patientFormFields} prefixes={['changes']} title="Changes not saved" />
        {update.problem?.code === 'CONFLICT' && update.problem.issues.some((issue) => issue.path.startsWith('changes.')) && (
          <Button onClick={onReload}>Reload the patient (your edits here are discarded)</Button>
        )}
        {nothingChanged && <Alert tone="info" title="Nothing changed">Change a field, or press Esc to go back.</Alert>}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={update.busy} busyLabel="Saving…">
            Save changes
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </section>
  );
}
