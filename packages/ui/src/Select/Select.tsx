/** @jsxRuntime automatic */
import type { Ref } from 'react';
import { FieldFrame, type FieldProps } from '../Field/Field.tsx';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** Shown first with the empty value, e.g. "Choose…" or "Not recorded". */
  placeholder?: string;
  inputRef?: Ref<HTMLSelectElement>;
}

export function Select({ label, hint, error, required, id, className, value, onChange, options, placeholder, inputRef }: SelectProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} id={id} className={className}>
      {(control) => (
        <select {...control} ref={inputRef} className="ui-input ui-select" value={value} onChange={(event) => onChange(event.target.value)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
