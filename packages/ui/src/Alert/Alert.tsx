import type { ReactNode } from 'react';

export type AlertTone = 'error' | 'warning' | 'info' | 'success';

export interface AlertProps {
  tone: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Actions shown under the message (e.g. a Dismiss or Retry button). */
  actions?: ReactNode;
  className?: string;
}

/** Errors and warnings interrupt (role=alert); information and success are announced politely (role=status). */
export function Alert({ tone, title, children, actions, className }: AlertProps) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div role={urgent ? 'alert' : 'status'} className={['ui-alert', `ui-alert--${tone}`, className].filter(Boolean).join(' ')}>
      {title && <p className="ui-alert__title">{title}</p>}
      {children && <div className="ui-alert__body">{children}</div>}
      {actions && <div className="ui-alert__actions">{actions}</div>}
    </div>
  );
}
