import { useState } from 'react';
import { Alert, Button } from '@eonpro/ui';
import { useHostAction } from '../api/useHostAction.ts';
import { useHostQuery } from '../api/useHostQuery.ts';
import { useEscape } from '../app/useEscape.ts';
import { AllergySection, type AllergyEditing } from './AllergySection.tsx';
import { allergyContent, allergyToForm } from './allergyForm.ts';
import { BreakGlassForm } from './BreakGlassForm.tsx';
import { ChartHeader } from './ChartHeader.tsx';
import { RestrictionControl } from './RestrictionControl.tsx';
import { currentFirst } from './currentFirst.ts';
import type { AllergyEntry, ConditionEntry } from './chartTypes.ts';
import { PrintSheet } from './PrintSheet.tsx';
import { useChartOutput } from './useChartOutput.ts';
import { EnteredInErrorDialog } from './EnteredInErrorDialog.tsx';
import { MedicationSection } from './MedicationSection.tsx';
import { ProblemSection, type ProblemEditing } from './ProblemSection.tsx';
import { problemContent, problemToForm } from './problemForm.ts';

interface ChartScreenProps {
  patientId: string;
  /** Administrators may restrict the record or lift it. */
  canRestrict?: boolean;
  onEdit: () => void;
  onBack: () => void;
}

type Withdrawal = { kind: 'allergy'; entry: AllergyEntry } | { kind: 'condition'; entry: ConditionEntry } | null;

/** The chart at a glance: who, then allergies, problems and medications. Every change is an appended entry. */
export function ChartScreen({ patientId, canRestrict = false, onEdit, onBack }: ChartScreenProps) {
  const chart = useHostQuery(`chart:${patientId}`, (host) => host.chart.summary.query({ patientId }));
  const [allergyEditing, setAllergyEditing] = useState<AllergyEditing>(null);
  const [problemEditing, setProblemEditing] = useState<ProblemEditing>(null);
  const [withdrawal, setWithdrawal] = useState<Withdrawal>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const withdraw = useHostAction(async (host, target: NonNullable<Withdrawal>) => {
    if (target.kind === 'allergy') {
      const content = allergyContent(allergyToForm(target.entry), target.entry);
      return host.allergies.amend.mutate({ ...content, status: 'entered-in-error', amendsId: target.entry.id });
    }
    const content = problemContent(problemToForm(target.entry), target.entry);
    return host.conditions.amend.mutate({ ...content, clinicalStatus: 'entered-in-error', amendsId: target.entry.id });
  });
  const formOpen = allergyEditing !== null || problemEditing !== null;
  useEscape(formOpen ? null : onBack);
  const output = useChartOutput(patientId, Boolean(chart.data));

  const saved = (message: string) => {
    setAllergyEditing(null);
    setProblemEditing(null);
    setNotice(message);
    chart.reload();
  };

  if (!chart.data) {
    if (chart.problem?.issues.some((issue) => issue.path === 'breakGlass')) return <BreakGlassForm patientId={patientId} onGranted={chart.reload} onBack={onBack} />;
    if (chart.problem)
      return (
        <Alert tone="error" title="Could not open this chart" actions={<Button onClick={onBack}>Back to search</Button>}>
          {chart.problem.message}
        </Alert>
      );
    return <p role="status">Opening chart…</p>;
  }

  const { patient, allergies, conditions, medications } = chart.data;
  return (
    <article className="chart" aria-label="Patient chart">
      <ChartHeader
        patient={patient}
        onEdit={onEdit}
        onBack={onBack}
        onPrint={() => void output.print()}
        onExport={() => void output.exportFhir()}
        printing={output.printing}
        exporting={output.exporting}
      />
      {canRestrict && <RestrictionControl patient={patient} onChanged={chart.reload} />}
      {output.problem && (
        <Alert tone="error" title="Nothing was printed or exported">
          {output.problem.message}
        </Alert>
      )}
      {output.exported && <p role="status">Exported {output.exported} (FHIR R4). The export is recorded in the audit trail.</p>}
      {output.printable && <PrintSheet printable={output.printable} />}
      <p className="chart__notice" role="status">
        {notice}
      </p>
      <AllergySection
        patientId={patient.id}
        allergies={currentFirst(allergies, (a) => a.status, (a) => a.recordedDate)}
        editing={allergyEditing}
        onEdit={(editing) => {
          setNotice(null);
          setAllergyEditing(editing);
        }}
        onSaved={saved}
        onEnteredInError={(entry) => setWithdrawal({ kind: 'allergy', entry })}
      />
      <div className="chart__columns">
        <ProblemSection
          patientId={patient.id}
          problems={currentFirst(conditions, (c) => c.clinicalStatus, (c) => c.onsetDate ?? c.recordedDate)}
          editing={problemEditing}
          onEdit={(editing) => {
            setNotice(null);
            setProblemEditing(editing);
          }}
          onSaved={saved}
          onEnteredInError={(entry) => setWithdrawal({ kind: 'condition', entry })}
        />
        <MedicationSection medications={currentFirst(medications, (m) => m.status, (m) => m.startDate)} />
      </div>
      <EnteredInErrorDialog
        what={withdrawal ? (withdrawal.kind === 'allergy' ? `allergy “${withdrawal.entry.substance}”` : `problem “${withdrawal.entry.display}”`) : null}
        busy={withdraw.busy}
        problem={withdraw.problem}
        onClose={() => {
          withdraw.clearProblem();
          setWithdrawal(null);
        }}
        onConfirm={async () => {
          if (!withdrawal) return;
          const result = await withdraw.run(withdrawal);
          if (result.ok) {
            setWithdrawal(null);
            saved(withdrawal.kind === 'allergy' ? 'Allergy marked entered in error.' : 'Problem marked entered in error.');
          }
        }}
      />
    </article>
  );
}
