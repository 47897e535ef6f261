import { Button } from '@eonpro/ui';
import { ageText } from '../format/age.ts';
import { dateText, patientName, sexLabel } from '../format/display.ts';
import type { ChartSummaryData } from './chartTypes.ts';
import { IdentifierFact } from './IdentifierFact.tsx';

interface ChartHeaderProps {
  patient: ChartSummaryData['patient'];
  onEdit: () => void;
  onBack: () => void;
  onPrint: () => void;
  onExport: () => void;
  printing: boolean;
  exporting: boolean;
}

export function ChartHeader({ patient, onEdit, onBack, onPrint, onExport, printing, exporting }: ChartHeaderProps) {
  const contact = [patient.phone, patient.email, [patient.addressLine, patient.city, patient.state, patient.postalCode].filter(Boolean).join(', ')].filter(Boolean);
  return (
    <header className="chart-header">
      <div>
        <h1 className="chart-header__name">{patientName(patient)}</h1>
        <dl className="chart-header__facts">
          <div>
            <dt>Age</dt>
            <dd>{ageText(patient.birthDate)}</dd>
          </div>
          <div>
            <dt>DOB</dt>
            <dd>{dateText(patient.birthDate)}</dd>
          </div>
          <div>
            <dt>Sex</dt>
            <dd>{sexLabel(patient.sex)}</dd>
          </div>
          <div>
            <dt>MRN</dt>
            <dd>{patient.mrn}</dd>
          </div>
          {patient.ssnMasked && <IdentifierFact patientId={patient.id} identifier="ssn" label="SSN" masked={patient.ssnMasked} />}
          {patient.driversLicenseMasked && (
            <IdentifierFact patientId={patient.id} identifier="driversLicense" label="Driver's licence" masked={patient.driversLicenseMasked} />
          )}
          {patient.deceasedDate && (
            <div>
              <dt>Deceased</dt>
              <dd>{dateText(patient.deceasedDate)}</dd>
            </div>
          )}
        </dl>
        {contact.length > 0 && <p className="chart-header__contact">{contact.join(' · ')}</p>}
      </div>
      <div className="chart-header__actions">
        <Button onClick={onEdit}>Edit demographics</Button>
        <Button onClick={onPrint} disabled={printing} aria-keyshortcuts="Control+P">
          {printing ? 'Preparing print…' : 'Print chart'}
        </Button>
        <Button onClick={onExport} disabled={exporting}>
          {exporting ? 'Exporting…' : 'Export FHIR'}
        </Button>
        <Button onClick={onBack} aria-keyshortcuts="Escape">
          Back to search
        </Button>
      </div>
    </header>
  );
}
