import { Alert, Button } from '@eonpro/ui';
import { ageText } from '../format/age.ts';
import { dateText, patientName, sexLabel } from '../format/display.ts';
import { RestrictedDetails } from './RestrictedDetails.tsx';

interface Candidate {
  id: string;
  /** Null (with birthDate and sex) for a restricted patient: only the name and age are shown. */
  mrn: string | null;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  sex: string | null;
  ageYears: number | null;
}

interface DuplicateWarningProps {
  candidates: readonly Candidate[];
  onOpen: (patientId: string) => void;
  onRegisterAnyway: () => void;
  onBack: () => void;
  busy: boolean;
}

/** Before a second record is made for the same person: show who already exists and make it a choice. */
export function DuplicateWarning({ candidates, onOpen, onRegisterAnyway, onBack, busy }: DuplicateWarningProps) {
  return (
    <Alert
      tone="warning"
      title={candidates.length === 1 ? 'This patient may already be registered' : `${candidates.length} patients may be this person`}
      actions={
        <>
          <Button onClick={onBack} autoFocus>
            Back to the form
          </Button>
          <Button variant="danger" onClick={onRegisterAnyway} busy={busy} busyLabel="Registering…">
            Register as a new patient anyway
          </Button>
        </>
      }
    >
      <p>A similar name or the same date of birth is already on file. Open the existing chart if it is the same person.</p>
      <ul className="duplicates" aria-label="Possible duplicates">
        {candidates.map((candidate) => (
          <li key={candidate.id} className="duplicates__item">
            {candidate.birthDate === null || candidate.sex === null ? (
              <span>
                <strong>{patientName(candidate)}</strong> · <RestrictedDetails ageYears={candidate.ageYears} />
              </span>
            ) : (
              <span>
                <strong>{patientName(candidate)}</strong> · DOB {dateText(candidate.birthDate)} ({ageText(candidate.birthDate)}) · {sexLabel(candidate.sex)} · MRN{' '}
                {candidate.mrn}
              </span>
            )}
            <Button onClick={() => onOpen(candidate.id)} aria-label={`Open chart of ${patientName(candidate)}${candidate.mrn ? `, MRN ${candidate.mrn}` : ''}`}>
              Open chart
            </Button>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
