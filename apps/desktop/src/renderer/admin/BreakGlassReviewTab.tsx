import { useState, type FormEvent } from 'react';
import { Alert, Button, DataTable, DateField } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostQuery } from '../api/useHostQuery.ts';
import type { HostOutputs } from '../trpc.ts';
import { instantText } from '../workstation/instantText.ts';

export type BreakGlassReview = HostOutputs['auditReview']['breakGlass']['reviews'][number];

const CATEGORY_LABELS: Record<string, string> = {
  'emergency-care': 'Emergency care',
  'continuity-of-care': 'Continuity of care',
  'patient-request': "At the patient's request",
  'clinical-review': 'Clinical review',
  other: 'Other',
};

const CHECK_LABELS: Record<BreakGlassReview['reasonCheck'], string> = {
  matches: 'Matches the audit trail',
  altered: 'ALTERED since it was given',
  unreadable: 'Cannot be opened',
  missing: 'MISSING from the server',
  none: 'No reason (access refused)',
};

interface Range {
  from: string;
  to: string;
}

/**
 * Break-glass accesses to restricted records with the reason each person gave, read from the sync server, which checks
 * every reason against the audit trail: a reason changed since it was given is flagged. Reading them is recorded.
 */
export function BreakGlassReviewTab() {
  const [draft, setDraft] = useState<Range>({ from: '', to: '' });
  const [range, setRange] = useState<Range>({ from: '', to: '' });
  const reviews = useHostQuery(`break-glass:${range.from}:${range.to}`, (host) =>
    host.auditReview.breakGlass.query({ ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) }),
  );
  const errors = fieldMessages(reviews.problem?.issues ?? []);
  const rows = reviews.data?.reviews;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from === range.from && draft.to === range.to) reviews.reload();
    else setRange(draft);
  };

  return (
    <>
      <p className="screen-intro">
        Who opened a restricted record, when, and why. Each reason is checked against the audit trail; one changed since it was given is flagged.
        Reading this list is recorded in the audit trail.
      </p>
      <form onSubmit={submit} noValidate aria-label="Break-glass review period" className="admin-panel__head">
        <DateField label="From" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} error={errors.from} hint="Leave empty for the beginning" />
        <DateField label="To" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} error={errors.to} hint="Included; leave empty for today" />
        <Button type="submit" variant="primary">
          Show
        </Button>
      </form>
      {reviews.problem && !errors.from && !errors.to && (
        <Alert tone="error" title="The break-glass accesses could not be loaded" actions={<Button onClick={reviews.reload}>Try again</Button>}>
          <p>{reviews.problem.message}</p>
        </Alert>
      )}
      {!rows && !reviews.problem && <p role="status">Loading break-glass accesses…</p>}
      {rows && (
        <DataTable
          caption={reviews.data?.more ? 'Break-glass accesses (the latest 500; choose a shorter period for older ones)' : 'Break-glass accesses'}
          rows={rows}
          getRowKey={(row) => row.id}
          empty="No break-glass access in this period."
          columns={[
            { header: 'When', cell: (row) => instantText(row.occurredAt) },
            { header: 'Who', cell: (row) => `${row.userName ?? 'Unknown user'}${row.role ? ` (${row.role.replace('_', ' ')})` : ''}` },
            { header: 'Workstation', cell: (row) => row.workstation },
            { header: 'Patient', cell: (row) => row.patientId ?? '—' },
            { header: 'Category', cell: (row) => (row.category ? (CATEGORY_LABELS[row.category] ?? row.category) : '—') },
            { header: 'Reason', cell: (row) => row.reasonText ?? '—' },
            { header: 'Check', cell: (row) => CHECK_LABELS[row.reasonCheck] },
          ]}
        />
      )}
    </>
  );
}
