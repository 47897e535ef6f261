import { useId } from 'react';

export interface ProgressBarProps {
  label: string;
  /** Done so far; leave out while the total is unknown (shown as indeterminate). */
  value?: number;
  max: number;
  /** What a person reads and hears, e.g. "File 2 of 5". */
  valueText?: string;
}

export function ProgressBar({ label, value, max, valueText }: ProgressBarProps) {
  const labelId = useId();
  const known = value !== undefined && max > 0;
  const fraction = known ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div className="ui-progress">
      <div className="ui-progress__header">
        <span id={labelId} className="ui-progress__label">
          {label}
        </span>
        {valueText && <span className="ui-progress__text">{valueText}</span>}
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={known ? value : undefined}
        aria-valuetext={valueText}
        className={['ui-progress__track', known ? '' : 'ui-progress__track--indeterminate'].filter(Boolean).join(' ')}
      >
        <div className="ui-progress__bar" style={{ width: `${Math.round(fraction * 100)}%` }} />
      </div>
    </div>
  );
}
