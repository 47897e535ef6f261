import type { InputHTMLAttributes, Ref } from 'react';
import { FieldFrame, type FieldProps } from '../Field/Field.tsx';

export interface TextFieldProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'required' | 'className'> {
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField({ label, hint, error, required, id, className, value, onChange, inputRef, type = 'text', ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} id={id} className={className}>
      {(control) => (
        <input
          {...input}
          {...control}
          ref={inputRef}
          type={type}
          className="ui-input"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}
