/** What a search shows of a restricted patient besides the name: a lock marker and the age, nothing more. */
export function RestrictedDetails({ ageYears }: { ageYears: number | null }) {
  return (
    <span className="patient-row__restricted">
      <span aria-hidden="true">🔒</span> Restricted record{ageYears !== null ? ` · ${ageYears} y` : ''}
    </span>
  );
}
