import type { ImportSummary } from '@eonpro/core';
import { Alert, DataTable, IssueList } from '@eonpro/ui';
import { importResultLabel } from './importResultLabel.ts';

const MAX_ISSUES_SHOWN = 200;

const columns = [
  { header: 'File', cell: (s: ImportSummary) => s.fileName },
  {
    header: 'Result',
    cell: (s: ImportSummary) => <span className={s.ok ? 'result result--ok' : 'result result--rejected'}>{importResultLabel(s)}</span>,
  },
  { header: 'Patients imported', cell: (s: ImportSummary) => s.patientsImported, numeric: true },
  { header: 'Already present', cell: (s: ImportSummary) => s.patientsAlreadyPresent, numeric: true },
  { header: 'Allergies', cell: (s: ImportSummary) => s.allergies, numeric: true },
  { header: 'Problems', cell: (s: ImportSummary) => s.conditions, numeric: true },
  { header: 'Medications', cell: (s: ImportSummary) => s.medications, numeric: true },
];

/** One row per file, then for each file what was left out and why, and for a rejected file every problem. */
export function ImportResults({ summaries, notAttempted }: { summaries: readonly ImportSummary[]; notAttempted: readonly string[] }) {
  return (
    <section className="import-results" aria-labelledby="import-results-title">
      <h2 id="import-results-title">Results</h2>
      <DataTable caption="Import results by file" columns={columns} rows={summaries} getRowKey={(s, index) => `${index}:${s.fileName}`} />
      {notAttempted.length > 0 && (
        <Alert tone="warning" title={`${notAttempted.length} ${notAttempted.length === 1 ? 'file was' : 'files were'} not imported`}>
          <p>The import stopped before these files; choose them again to import them.</p>
          <ul>
            {notAttempted.map((name, index) => (
              <li key={`${index}:${name}`}>{name}</li>
            ))}
          </ul>
        </Alert>
      )}
      {summaries.map((summary, index) => (
        <FileDetails key={`${index}:${summary.fileName}`} summary={summary} />
      ))}
    </section>
  );
}

function FileDetails({ summary }: { summary: ImportSummary }) {
  if (!summary.ok) {
    const shown = summary.issues.slice(0, MAX_ISSUES_SHOWN);
    return (
      <Alert tone="error" title={`${summary.fileName}: rejected, nothing imported`}>
        <p>
          {summary.issues.length === 1 ? 'One problem' : `${summary.issues.length} problems`} must be fixed in the file before it can be imported:
        </p>
        <IssueList label={`Problems in ${summary.fileName}`} issues={shown} />
        {summary.issues.length > shown.length && <p>…and {summary.issues.length - shown.length} more.</p>}
      </Alert>
    );
  }
  if (summary.skipped.length === 0) return null;
  const total = summary.skipped.reduce((sum, s) => sum + s.count, 0);
  return (
    <details className="import-skipped">
      <summary>
        {summary.fileName}: {total} {total === 1 ? 'resource' : 'resources'} of {summary.skipped.length}{' '}
        {summary.skipped.length === 1 ? 'type' : 'types'} not imported
      </summary>
      <DataTable
        caption={`Resource types skipped in ${summary.fileName}`}
        columns={[
          { header: 'Resource type', cell: (s: ImportSummary['skipped'][number]) => s.resourceType },
          { header: 'Count', cell: (s: ImportSummary['skipped'][number]) => s.count, numeric: true },
          { header: 'Reason', cell: (s: ImportSummary['skipped'][number]) => s.reason },
        ]}
        rows={summary.skipped}
        getRowKey={(s) => s.resourceType}
      />
    </details>
  );
}
