import { useEffect, useRef } from 'react';
import { Alert, Button, ResultList, TextField, useListNavigation } from '@eonpro/ui';
import { ageText } from '../format/age.ts';
import { dateText, patientName, sexLabel } from '../format/display.ts';
import { usePatientSearch, SEARCH_LIMIT } from './usePatientSearch.ts';
import { RestrictedDetails } from './RestrictedDetails.tsx';

interface PatientSearchScreenProps {
  query: string;
  onQueryChange: (query: string) => void;
  /** Bumped by the Find patient shortcut: focus the box (and select its text) again. */
  focusRequest: number;
  onOpen: (patientId: string) => void;
  onRegister: () => void;
}

const kindText = { name: 'by name', birthDate: 'by date of birth', mrn: 'by MRN', empty: '' } as const;

export function PatientSearchScreen({ query, onQueryChange, focusRequest, onOpen, onRegister }: PatientSearchScreenProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const search = usePatientSearch(query);
  const shown = search.answer ?? search.previous;
  const results = shown?.results ?? [];
  const navigation = useListNavigation('patient-results', results, (patient) => onOpen(patient.id));
  const empty = query.trim() === '';

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusRequest]);

  return (
    <section className="search" aria-labelledby="search-title">
      <h1 id="search-title" className="screen-title">
        Find patient
      </h1>
      <TextField
        inputRef={inputRef}
        label="Search patients"
        hint="Name (typos are fine), date of birth (1990-04-16 or 04/16/1990) or MRN. ↓ ↑ to move, Enter to open."
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-controls="patient-results"
        aria-expanded={results.length > 0}
        aria-activedescendant={navigation.activeDescendantId}
        value={query}
        onChange={onQueryChange}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query !== '') {
            event.preventDefault();
            onQueryChange('');
            return;
          }
          navigation.onKeyDown(event);
        }}
      />
      <p className="search__status" role="status" aria-live="polite">
        {empty
          ? ''
          : search.searching
            ? 'Searching…'
            : search.answer
              ? search.answer.results.length === 0
                ? 'No patients match.'
                : `${search.answer.results.length}${search.answer.results.length === SEARCH_LIMIT ? '+' : ''} ${search.answer.results.length === 1 ? 'patient' : 'patients'} found ${kindText[search.answer.kind]}`
              : ''}
      </p>
      {search.problem && <Alert tone="error" title="Search failed">{search.problem.message}</Alert>}
      {empty ? (
        <div className="search__empty">
          <p>Start typing to find a patient. Press Ctrl+K or / from anywhere to come back here.</p>
          <Button onClick={onRegister}>Register a new patient</Button>
        </div>
      ) : (
        <>
          <ResultList
            label="Matching patients"
            navigation={navigation}
            getKey={(patient) => patient.id}
            renderItem={(patient) => (
              <div className="patient-row">
                <span className="patient-row__name">{patientName(patient)}</span>
                {patient.birthDate === null || patient.sex === null ? (
                  <RestrictedDetails ageYears={patient.ageYears} />
                ) : (
                  <>
                    <span className="patient-row__dob">
                      <span className="patient-row__label">DOB</span> {dateText(patient.birthDate)} ({ageText(patient.birthDate)})
                    </span>
                    <span className="patient-row__sex">{sexLabel(patient.sex)}</span>
                    <span className="patient-row__mrn">
                      <span className="patient-row__label">MRN</span> {patient.mrn}
                    </span>
                  </>
                )}
              </div>
            )}
          />
          {search.answer && search.answer.results.length === 0 && (
            <div className="search__none">
              <p>No patient matches “{query.trim()}”. Check the spelling or try the date of birth.</p>
              <Button variant="primary" onClick={onRegister}>
                No matches — register a new patient
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
