import { useId, type FormEvent, type ReactNode } from 'react';
import { Button, Dialog } from '@eonpro/ui';

interface ActionDialogProps {
  title: string;
  actionLabel: string;
  busyLabel: string;
  busy: boolean;
  /** Danger for what takes something away or cannot be undone. */
  variant?: 'primary' | 'danger';
  actionDisabled?: boolean;
  /**
   * With fields: the children are one form, sent by the action button or by Enter in a field. Without: a plain
   * question, and the action button takes the focus.
   */
  withFields?: boolean;
  onAction: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}

/** A dialog with one action and Cancel beside it. */
export function ActionDialog(props: ActionDialogProps) {
  const { title, actionLabel, busyLabel, busy, variant = 'primary', actionDisabled, withFields = false, onAction, onClose, children } = props;
  const formId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onAction();
  };
  const action = withFields
    ? ({ type: 'submit', form: formId } as const)
    : ({ autoFocus: true, onClick: onAction } as const);

  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      actions={
        <>
          <Button {...action} variant={variant} disabled={actionDisabled} busy={busy} busyLabel={busyLabel}>
            {actionLabel}
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </>
      }
    >
      {withFields ? (
        <form id={formId} noValidate onSubmit={submit}>
          {children}
        </form>
      ) : (
        children
      )}
    </Dialog>
  );
}
