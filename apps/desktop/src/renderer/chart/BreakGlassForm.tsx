import { useState, type FormEvent } from 'react';
import { Alert, Button, Select, TextField } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { FormProblem } from '../forms/FormProblem.tsx';

/** The host's categories (access/breakGlass.ts), as a person reads them. */
const CATEGORIES = [
  { value: 'emergency-care', label: 'Emergency care' },
  { value: 'continuity-of-care', label: 'Continuity of care' },
  { value: 'patient-request', label: 'At the patient’s request' },
  { value: 'clinical-review', label: 'Clinical review' },
  { value: 'other', label: 'Other' },
] as const;
const MIN_REASON = 10;

type Category = (typeof CATEGORIES)[number]['value'];

/**
 * A restricted patient's chart opens only with a reason ("break-glass"): a category and a sentence. The access lasts
 * for this session and is recorded in the audit trail with who, which patient and when.
 */
export function BreakGlassForm({ patientId, onGranted, onBack }: { patientId: string; onGranted: () => void; onBack: () => void }) {
  const [category, setCategory] = useState('');
  const [reason, setReason] = useState('');
  const grant = useHostAction((host, input: { patientId: string; category: Category; reason: string }) => host.patients.breakGlass.mutate(input));
  const errors = fieldMessages(grant.problem?.issues ?? []);
  const [localErrors, setLocalErrors] = useState<{ category?: string; reason?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(category === '' ? { category: 'Choose why you need access' } : {}),
      ...(reason.trim().length < MIN_REASON ? { reason: `At least ${MIN_REASON} characters: say why you need this record` } : {}),
    };
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await grant.run({ patientId, category: category as Category, reason });
    if (result.ok) onGranted();
  };

  return (
    <section className="break-glass" aria-label="Restricted record">
      <Alert tone="warning" title="This record is restricted">
        <p>
          Only open it if you need it for this patient’s care. Say why below: your name, the time and your reason are recorded in the audit
          trail and reviewed.
        </p>
      </Alert>
      <form onSubmit={submit} noValidate>
        <Select
          label="Reason for access"
          required
          placeholder="Choose…"
          value={category}
          onChange={setCategory}
          options={CATEGORIES}
          error={localErrors.category ?? errors.category}
        />
        <TextField
          label="Explanation"
          required
          hint={`At least ${MIN_REASON} characters`}
          value={reason}
          onChange={setReason}
          error={localErrors.reason ?? errors.reason}
        />
        <FormProblem problem={grant.problem} fields={['category', 'reason']} title="Not opened" />
        <Button type="submit" variant="danger" busy={grant.busy} busyLabel="Opening…">
          Open restricted record
        </Button>
        <Button onClick={onBack}>Back to search</Button>
      </form>
    </section>
  );
}
