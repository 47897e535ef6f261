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
        <select
          {...control}
          ref={inputRef}
          className="ui-input ui-select"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            // Enter submits from a select as it does from a text field (browsers leave it to the select).
            if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
            const form = event.currentTarget.form;
            if (!form) return;
            event.preventDefault();
            form.requestSubmit();
          }}
        >
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
