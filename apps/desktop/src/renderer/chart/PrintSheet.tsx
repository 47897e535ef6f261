import { createPortal } from 'react-dom';
import { ageText } from '../format/age.ts';
import { dateText, patientName, sexLabel } from '../format/display.ts';
import { statusLabel } from '../format/statusLabel.ts';
import { criticalityLabel } from './allergyForm.ts';
import type { PrintableChartData } from './chartTypes.ts';

/**
 * The chart summary as it goes on paper, outside the app's own tree: the print stylesheet (app.css) prints this
 * sheet and nothing else, so a print started without the audited "Print chart" (the browser's menu) comes out blank.
 */
export function PrintSheet({ printable }: { printable: PrintableChartData }) {
  const { chart, printedAt, printedBy } = printable;
  const { patient, allergies, conditions, medications } = chart;
  return createPortal(
    <article className="print-sheet" aria-hidden="true">
      <header className="print-sheet__header">
        <h1>{patientName(patient)}</h1>
        <p>
          DOB {dateText(patient.birthDate)} ({ageText(patient.birthDate)}) · {sexLabel(patient.sex)} · MRN {patient.mrn}
          {patient.deceasedDate ? ` · Deceased ${dateText(patient.deceasedDate)}` : ''}
        </p>
      </header>
      <PrintList
        title="Allergies"
        none="No allergies recorded"
        items={allergies.map((a) => ({
          id: a.id,
          title: a.substance,
          details: [a.criticality ? `${criticalityLabel(a.criticality)} criticality` : null, a.reaction ? `Reaction: ${a.reaction}` : null, statusLabel(a.status)],
        }))}
      />
      <PrintList
        title="Problems"
        none="No problems recorded"
        items={conditions.map((c) => ({
          id: c.id,
          title: c.display,
          details: [statusLabel(c.clinicalStatus), c.onsetDate ? `Onset ${dateText(c.onsetDate)}` : null],
        }))}
      />
      <PrintList
        title="Medications"
        none="No medications recorded"
        items={medications.map((m) => ({
          id: m.id,
          title: m.display,
          details: [statusLabel(m.status), m.dosageText, m.startDate ? `Started ${dateText(m.startDate)}` : null],
        }))}
      />
      <footer className="print-sheet__footer">
        Printed by {printedBy} on {new Date(printedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })} · EONPro Clinic ·
        Confidential patient information
      </footer>
    </article>,
    document.body,
  );
}

function PrintList({ title, none, items }: { title: string; none: string; items: { id: string; title: string; details: (string | null)[] }[] }) {
  return (
    <section className="print-sheet__section">
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <strong>{item.title}</strong>
              {item.details.some(Boolean) ? ` — ${item.details.filter(Boolean).join(' · ')}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
