import type { Ref } from 'react';
import { FieldFrame, type FieldProps } from '../Field/Field.tsx';

export interface DateFieldProps extends FieldProps {
  /** YYYY-MM-DD, or '' when empty. */
  value: string;
  onChange: (value: string) => void;
  /** Latest date allowed (YYYY-MM-DD), e.g. today for a birth date. */
  max?: string;
  min?: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A calendar date typed or picked; the value is always YYYY-MM-DD so it goes to the host unchanged. */
export function DateField({ label, hint, error, required, id, className, value, onChange, max, min, autoFocus, inputRef }: DateFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} id={id} className={className}>
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          type="date"
          className="ui-input ui-input--date"
          value={value}
          max={max}
          min={min}
          autoFocus={autoFocus}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}
