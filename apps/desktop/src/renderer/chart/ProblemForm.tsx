import { useRef, useState, type FormEvent } from 'react';
import { Button, DateField, Select, TextField } from '@eonpro/ui';
import { fieldMessages, type HostProblem } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { useReportUnsaved } from '../app/unsavedChanges.tsx';
import { useEscape } from '../app/useEscape.ts';
import { todayIso } from '../format/display.ts';
import { FormProblem } from '../forms/FormProblem.tsx';
import { focusFirstInvalid, localProblem } from '../forms/localProblem.ts';
import { useConfirmDiscard } from '../forms/useConfirmDiscard.tsx';
import type { ConditionEntry } from './chartTypes.ts';
import { newProblem, problemContent, problemFormFields, problemIssues, problemStatusOptions, problemToForm, type ProblemFormValues } from './problemForm.ts';

interface ProblemFormProps {
  patientId: string;
  /** The entry being corrected; null to record a new problem. */
  amends: ConditionEntry | null;
  onSaved: () => void;
  onCancel: () => void;
}

export function ProblemForm({ patientId, amends, onSaved, onCancel }: ProblemFormProps) {
  const [initial] = useState(() => (amends ? problemToForm(amends) : newProblem));
  const [values, setValues] = useState<ProblemFormValues>(initial);
  const [unsentProblem, setUnsentProblem] = useState<HostProblem | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const save = useHostAction((host, content: ReturnType<typeof problemContent>) =>
    amends ? host.conditions.amend.mutate({ ...content, amendsId: amends.id }) : host.conditions.record.mutate({ ...content, patientId }),
  );
  const problem = unsentProblem ?? save.problem;
  const errors = fieldMessages(problem?.issues ?? []);
  const dirty = problemFormFields.some((field) => values[field] !== initial[field]);
  useReportUnsaved(dirty);
  const discard = useConfirmDiscard(dirty, onCancel, amends ? 'correction' : 'problem');
  useEscape(discard.requestCancel);
  const set = (field: keyof ProblemFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const content = problemContent(values, amends);
    const local = localProblem(problemIssues(content));
    setUnsentProblem(local);
    if (local) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const result = await save.run(content);
    if (result.ok) onSaved();
    else focusFirstInvalid(formRef.current);
  };

  const title = amends ? `Correct problem: ${amends.display}` : 'Record problem';
  return (
    <form ref={formRef} className="entry-form" onSubmit={submit} noValidate aria-label={title}>
      <h3 className="entry-form__title">{title}</h3>
      <TextField label="Problem" required autoFocus autoComplete="off" hint="e.g. Type 2 diabetes mellitus" value={values.display} onChange={set('display')} error={errors.display} />
      <div className="form-row">
        <DateField label="Onset date" max={todayIso()} value={values.onsetDate} onChange={set('onsetDate')} error={errors.onsetDate} />
        <Select label="Status" required options={problemStatusOptions} value={values.clinicalStatus} onChange={set('clinicalStatus')} error={errors.clinicalStatus} />
      </div>
      <FormProblem problem={problem} fields={problemFormFields} title={amends ? 'Correction not saved' : 'Problem not recorded'} />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={save.busy} busyLabel="Saving…">
          {amends ? 'Save correction' : 'Record problem'}
        </Button>
        <Button onClick={discard.requestCancel}>Cancel</Button>
      </div>
      {discard.dialog}
    </form>
  );
}
