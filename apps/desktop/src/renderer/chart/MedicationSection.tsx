import { dateText } from '../format/display.ts';
import { statusLabel } from '../format/statusLabel.ts';
import type { MedicationEntry } from './chartTypes.ts';

export function MedicationSection({ medications }: { medications: readonly MedicationEntry[] }) {
  return (
    <section className="chart-section" aria-labelledby="medications-title">
      <div className="chart-section__head">
        <h2 id="medications-title">Medications{medications.length > 0 ? ` (${medications.length})` : ''}</h2>
      </div>
      {medications.length === 0 ? (
        <p className="chart-section__none">No medications recorded</p>
      ) : (
        <ul className="entries" aria-label="Medications">
          {medications.map((medication) => (
            <li key={medication.id} className="entry">
              <div className="entry__main">
                <span className="entry__title">{medication.display}</span>
                <span className={`badge badge--status-${medication.status}`}>{statusLabel(medication.status)}</span>
                <div className="entry__details">
                  {[medication.dosageText, medication.startDate ? `Started ${dateText(medication.startDate)}` : null, medication.endDate ? `Ended ${dateText(medication.endDate)}` : null]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
