import { useRef } from 'react';
import { Button } from '@eonpro/ui';
import { useReturnFocus } from '../forms/useReturnFocus.ts';
import { dateText } from '../format/display.ts';
import { statusLabel } from '../format/statusLabel.ts';
import { AllergyForm } from './AllergyForm.tsx';
import { criticalityLabel } from './allergyForm.ts';
import type { AllergyEntry } from './chartTypes.ts';

export type AllergyEditing = { kind: 'record' } | { kind: 'amend'; entry: AllergyEntry } | null;

interface AllergySectionProps {
  patientId: string;
  allergies: readonly AllergyEntry[];
  editing: AllergyEditing;
  onEdit: (editing: AllergyEditing) => void;
  onSaved: (message: string) => void;
  onEnteredInError: (entry: AllergyEntry) => void;
}

/** Allergies first and loud: what a prescriber must never miss. */
export function AllergySection({ patientId, allergies, editing, onEdit, onSaved, onEnteredInError }: AllergySectionProps) {
  const recordButton = useRef<HTMLButtonElement>(null);
  useReturnFocus(editing !== null, recordButton);
  return (
    <section className="chart-section chart-section--allergies" aria-labelledby="allergies-title">
      <div className="chart-section__head">
        <h2 id="allergies-title">Allergies{allergies.length > 0 ? ` (${allergies.length})` : ''}</h2>
        {editing === null && (
          <Button ref={recordButton} variant="primary" onClick={() => onEdit({ kind: 'record' })}>
            Record allergy
          </Button>
        )}
      </div>
      {allergies.length === 0 ? (
        <p className="chart-section__none chart-section__none--allergies">No allergies recorded</p>
      ) : (
        <ul className="entries" aria-label="Allergies">
          {allergies.map((allergy) => (
            <li key={allergy.id} className={`entry ${allergy.criticality === 'high' ? 'entry--high' : ''}`}>
              <div className="entry__main">
                <span className="entry__title">{allergy.substance}</span>
                {allergy.criticality && <span className={`badge badge--${allergy.criticality}`}>{criticalityLabel(allergy.criticality)} criticality</span>}
                {allergy.status !== 'active' && <span className="badge">{statusLabel(allergy.status)}</span>}
                <div className="entry__details">
                  {[allergy.category ? statusLabel(allergy.category) : null, allergy.reaction ? `Reaction: ${allergy.reaction}` : null, `Recorded ${dateText(allergy.recordedDate)}`]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </div>
              {editing === null && (
                <div className="entry__actions">
                  <Button variant="link" onClick={() => onEdit({ kind: 'amend', entry: allergy })} aria-label={`Correct allergy ${allergy.substance}`}>
                    Correct
                  </Button>
                  <Button variant="link" onClick={() => onEnteredInError(allergy)} aria-label={`Mark allergy ${allergy.substance} entered in error`}>
                    Entered in error
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <AllergyForm
          patientId={patientId}
          amends={editing.kind === 'amend' ? editing.entry : null}
          onSaved={() => onSaved(editing.kind === 'amend' ? 'Allergy corrected.' : 'Allergy recorded.')}
          onCancel={() => onEdit(null)}
        />
      )}
    </section>
  );
}
