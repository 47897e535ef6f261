import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { useReportUnsaved } from '../app/unsavedChanges.tsx';
import { useEscape } from '../app/useEscape.ts';
import { FormProblem } from '../forms/FormProblem.tsx';
import { focusFirstInvalid, localProblem } from '../forms/localProblem.ts';
import type { HostProblem } from '../api/hostProblem.ts';
import type { HostInputs, HostOutputs } from '../trpc.ts';
import { DuplicateWarning } from './DuplicateWarning.tsx';
import { PatientFormFields } from './PatientFormFields.tsx';
import {
  patientFormFields,
  prefillFromSearch,
  checkRegistration,
  type PatientFormField,
  type PatientFormValues,
} from './patientForm.ts';

interface RegisterPatientScreenProps {
  /** What was typed in the search that found nobody; it pre-fills the form. */
  fromSearch: string;
  onRegistered: (patientId: string) => void;
  onOpenExisting: (patientId: string) => void;
  onCancel: () => void;
}

type Candidates = HostOutputs['patients']['possibleDuplicates'];

/**
 * Registration checks for possible duplicates first; if there are any, the person chooses between the
 * existing chart and registering anyway. Nothing is saved until they do.
 */
export function RegisterPatientScreen({ fromSearch, onRegistered, onOpenExisting, onCancel }: RegisterPatientScreenProps) {
  const [initial] = useState(() => prefillFromSearch(fromSearch));
  const [values, setValues] = useState<PatientFormValues>(initial);
  const [candidates, setCandidates] = useState<Candidates | null>(null);
  const [unsentProblem, setUnsentProblem] = useState<HostProblem | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const check = useHostAction((host, input: HostInputs['patients']['possibleDuplicates']) => host.patients.possibleDuplicates.query(input));
  const register = useHostAction((host, input: HostInputs['patients']['register']) => host.patients.register.mutate(input));
  const problem = unsentProblem ?? register.problem ?? check.problem;
  const errors = fieldMessages(problem?.issues ?? []);
  const dirty = patientFormFields.some((field) => values[field] !== initial[field]);
  useReportUnsaved(dirty);
  useEscape(candidates ? () => setCandidates(null) : onCancel);

  const onChange = (field: PatientFormField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setCandidates(null);
  };

  const save = async (input: HostInputs['patients']['register']) => {
    const result = await register.run(input);
    if (result.ok) onRegistered(result.value.id);
    else {
      setCandidates(null);
      focusFirstInvalid(formRef.current);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    register.clearProblem();
    const checked = checkRegistration(values);
    setUnsentProblem(checked.ok ? null : localProblem(checked.issues));
    if (!checked.ok) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const { givenName, familyName, birthDate } = checked.value;
    const found = await check.run({ givenName, familyName, birthDate });
    if (!found.ok) {
      focusFirstInvalid(formRef.current);
      return;
    }
    if (found.value.length > 0) setCandidates(found.value);
    else await save(checked.value);
  };

  return (
    <section aria-labelledby="register-title">
      <h1 id="register-title" className="screen-title">
        Register patient
      </h1>
      <form ref={formRef} onSubmit={submit} noValidate>
        <PatientFormFields values={values} onChange={onChange} errors={errors} mrnOptional />
        <FormProblem problem={problem} fields={patientFormFields} title="Patient not registered" />
        {candidates && candidates.length > 0 ? (
          <DuplicateWarning
            candidates={candidates}
            onOpen={onOpenExisting}
            onRegisterAnyway={() => {
              const checked = checkRegistration(values);
              if (checked.ok) void save(checked.value);
            }}
            onBack={() => setCandidates(null)}
            busy={register.busy}
          />
        ) : (
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={check.busy || register.busy} busyLabel="Checking…">
              Register patient
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </div>
        )}
      </form>
    </section>
  );
}
