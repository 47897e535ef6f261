import { useId, type ReactNode } from 'react';

export interface FieldProps {
  label: string;
  hint?: ReactNode;
  /** A message a clinician understands; marks the control invalid and is read out with it. */
  error?: string | null;
  required?: boolean;
  id?: string;
  className?: string;
}

/** What a control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

interface FieldFrameProps extends FieldProps {
  children: (control: FieldControlProps) => ReactNode;
}

/** Label above, control, then hint and error: the frame every form control shares. */
export function FieldFrame({ label, hint, error, required, id, className, children }: FieldFrameProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['ui-field', error ? 'ui-field--invalid' : '', className].filter(Boolean).join(' ')}>
      <div className="ui-field__label-row">
        <label className="ui-field__label" htmlFor={controlId}>
          {label}
        </label>
        {/* Outside the label so the accessible name is the label alone; aria-required says it instead. */}
        {required && (
          <span className="ui-field__required" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {children({
        id: controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required ? true : undefined,
      })}
      {hint && (
        <p className="ui-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
