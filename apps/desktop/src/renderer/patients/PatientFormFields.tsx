import { DateField, Select, TextField } from '@eonpro/ui';
import { administrativeSexes } from '@eonpro/core';
import { sexLabel, todayIso } from '../format/display.ts';
import type { PatientFormField, PatientFormValues } from './patientForm.ts';

interface PatientFormFieldsProps {
  values: PatientFormValues;
  onChange: (field: PatientFormField, value: string) => void;
  errors: Partial<Record<string, string>>;
  /** Registration lets the MRN be left blank (one is assigned); an edit always has one. */
  mrnOptional: boolean;
  /** On an edit: the identifiers on file, masked (they are never loaded into the form). */
  identifiersOnFile?: { ssnMasked: string | null; driversLicenseMasked: string | null };
}

function onFileHint(masked: string | null | undefined, format: string): string {
  return masked ? `On file: ${masked}. Leave blank to keep it, or type a new one.` : format;
}

const sexOptions = administrativeSexes.map((sex) => ({ value: sex, label: sexLabel(sex) }));

/** The demographics fields, in the order a front desk asks for them. */
export function PatientFormFields({ values, onChange, errors, mrnOptional, identifiersOnFile }: PatientFormFieldsProps) {
  const text = (field: PatientFormField) => ({
    value: values[field],
    onChange: (value: string) => onChange(field, value),
    error: errors[field],
  });
  return (
    <div className="form-grid">
      <fieldset className="form-grid__group">
        <legend>Identity</legend>
        <TextField label="Given name" required autoFocus autoComplete="off" {...text('givenName')} />
        <TextField label="Family name" required autoComplete="off" {...text('familyName')} />
        <DateField label="Date of birth" required max={todayIso()} {...text('birthDate')} />
        <Select label="Sex" required placeholder="Choose…" options={sexOptions} {...text('sex')} />
        <TextField
          label={mrnOptional ? 'MRN (optional)' : 'MRN'}
          required={!mrnOptional}
          hint={mrnOptional ? 'Leave blank and a medical record number is assigned.' : undefined}
          autoComplete="off"
          {...text('mrn')}
        />
      </fieldset>
      <fieldset className="form-grid__group">
        <legend>Contact</legend>
        <TextField label="Phone" type="tel" autoComplete="off" {...text('phone')} />
        <TextField label="Email" type="email" autoComplete="off" {...text('email')} />
        <TextField label="Address" autoComplete="off" {...text('addressLine')} />
        <div className="form-row">
          <TextField label="City" autoComplete="off" {...text('city')} />
          <TextField label="State" autoComplete="off" {...text('state')} />
          <TextField label="Postal code" autoComplete="off" {...text('postalCode')} />
        </div>
      </fieldset>
      <fieldset className="form-grid__group">
        <legend>Identifiers</legend>
        <TextField
          label="SSN"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          hint={onFileHint(identifiersOnFile?.ssnMasked, 'Written 123-45-6789. Optional.')}
          {...text('ssn')}
        />
        <TextField
          label="Driver's licence"
          autoComplete="off"
          spellCheck={false}
          hint={onFileHint(identifiersOnFile?.driversLicenseMasked, 'Letters and digits as printed. Optional.')}
          {...text('driversLicense')}
        />
      </fieldset>
    </div>
  );
}
