import { useRef, useState, type FormEvent } from 'react';
import { Button, Select, TextField } from '@eonpro/ui';
import { fieldMessages, type HostProblem } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { useReportUnsaved } from '../app/unsavedChanges.tsx';
import { useEscape } from '../app/useEscape.ts';
import { FormProblem } from '../forms/FormProblem.tsx';
import { focusFirstInvalid, localProblem } from '../forms/localProblem.ts';
import { useConfirmDiscard } from '../forms/useConfirmDiscard.tsx';
import {
  allergyContent,
  allergyFormFields,
  allergyIssues,
  allergyStatusOptions,
  allergyToForm,
  categoryOptions,
  criticalityOptions,
  newAllergy,
  type AllergyFormValues,
} from './allergyForm.ts';
import type { AllergyEntry } from './chartTypes.ts';

interface AllergyFormProps {
  patientId: string;
  /** The entry being corrected; null to record a new allergy. */
  amends: AllergyEntry | null;
  onSaved: () => void;
  onCancel: () => void;
}

export function AllergyForm({ patientId, amends, onSaved, onCancel }: AllergyFormProps) {
  const [initial] = useState(() => (amends ? allergyToForm(amends) : newAllergy));
  const [values, setValues] = useState<AllergyFormValues>(initial);
  const [unsentProblem, setUnsentProblem] = useState<HostProblem | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const save = useHostAction((host, content: ReturnType<typeof allergyContent>) =>
    amends ? host.allergies.amend.mutate({ ...content, amendsId: amends.id }) : host.allergies.record.mutate({ ...content, patientId }),
  );
  const problem = unsentProblem ?? save.problem;
  const errors = fieldMessages(problem?.issues ?? []);
  const dirty = allergyFormFields.some((field) => values[field] !== initial[field]);
  useReportUnsaved(dirty);
  const discard = useConfirmDiscard(dirty, onCancel, amends ? 'correction' : 'allergy');
  useEscape(discard.requestCancel);
  const set = (field: keyof AllergyFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const content = allergyContent(values, amends);
    const local = localProblem(allergyIssues(content));
    setUnsentProblem(local);
    if (local) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const result = await save.run(content);
    if (result.ok) onSaved();
    else focusFirstInvalid(formRef.current);
  };

  const title = amends ? `Correct allergy: ${amends.substance}` : 'Record allergy';
  return (
    <form ref={formRef} className="entry-form" onSubmit={submit} noValidate aria-label={title}>
      <h3 className="entry-form__title">{title}</h3>
      <div className="form-row">
        <TextField label="Substance" required autoFocus autoComplete="off" value={values.substance} onChange={set('substance')} error={errors.substance} />
        <Select label="Category" placeholder="Not recorded" options={categoryOptions} value={values.category} onChange={set('category')} error={errors.category} />
        <Select
          label="Criticality"
          placeholder="Not recorded"
          options={criticalityOptions}
          value={values.criticality}
          onChange={set('criticality')}
          error={errors.criticality}
        />
      </div>
      <div className="form-row">
        <TextField label="Reaction" autoComplete="off" hint="e.g. hives, anaphylaxis" value={values.reaction} onChange={set('reaction')} error={errors.reaction} />
        <Select label="Status" required options={allergyStatusOptions} value={values.status} onChange={set('status')} error={errors.status} />
      </div>
      <FormProblem problem={problem} fields={allergyFormFields} title={amends ? 'Correction not saved' : 'Allergy not recorded'} />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={save.busy} busyLabel="Saving…">
          {amends ? 'Save correction' : 'Record allergy'}
        </Button>
        <Button onClick={discard.requestCancel}>Cancel</Button>
      </div>
      {discard.dialog}
    </form>
  );
}
