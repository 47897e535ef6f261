import { useRef } from 'react';
import { Button } from '@eonpro/ui';
import { useReturnFocus } from '../forms/useReturnFocus.ts';
import { dateText } from '../format/display.ts';
import type { ConditionEntry } from './chartTypes.ts';
import { ProblemForm } from './ProblemForm.tsx';
import { problemStatusLabel } from './problemForm.ts';

export type ProblemEditing = { kind: 'record' } | { kind: 'amend'; entry: ConditionEntry } | null;

interface ProblemSectionProps {
  patientId: string;
  problems: readonly ConditionEntry[];
  editing: ProblemEditing;
  onEdit: (editing: ProblemEditing) => void;
  onSaved: (message: string) => void;
  onEnteredInError: (entry: ConditionEntry) => void;
}

export function ProblemSection({ patientId, problems, editing, onEdit, onSaved, onEnteredInError }: ProblemSectionProps) {
  const recordButton = useRef<HTMLButtonElement>(null);
  useReturnFocus(editing !== null, recordButton);
  return (
    <section className="chart-section" aria-labelledby="problems-title">
      <div className="chart-section__head">
        <h2 id="problems-title">Problems{problems.length > 0 ? ` (${problems.length})` : ''}</h2>
        {editing === null && (
          <Button ref={recordButton} onClick={() => onEdit({ kind: 'record' })}>
            Record problem
          </Button>
        )}
      </div>
      {problems.length === 0 ? (
        <p className="chart-section__none">No problems recorded</p>
      ) : (
        <ul className="entries" aria-label="Problems">
          {problems.map((problem) => (
            <li key={problem.id} className="entry">
              <div className="entry__main">
                <span className="entry__title">{problem.display}</span>
                <span className={`badge badge--status-${problem.clinicalStatus}`}>{problemStatusLabel(problem.clinicalStatus)}</span>
                <div className="entry__details">
                  {[problem.onsetDate ? `Onset ${dateText(problem.onsetDate)}` : null, problem.abatementDate ? `Ended ${dateText(problem.abatementDate)}` : null]
                    .filter(Boolean)
                    .join(' · ') || 'Onset not recorded'}
                </div>
              </div>
              {editing === null && (
                <div className="entry__actions">
                  <Button variant="link" onClick={() => onEdit({ kind: 'amend', entry: problem })} aria-label={`Correct problem ${problem.display}`}>
                    Correct
                  </Button>
                  <Button variant="link" onClick={() => onEnteredInError(problem)} aria-label={`Mark problem ${problem.display} entered in error`}>
                    Entered in error
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <ProblemForm
          patientId={patientId}
          amends={editing.kind === 'amend' ? editing.entry : null}
          onSaved={() => onSaved(editing.kind === 'amend' ? 'Problem corrected.' : 'Problem recorded.')}
          onCancel={() => onEdit(null)}
        />
      )}
    </section>
  );
}
