import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  title: string;
  /** Called on Esc as well as from the dialog's own buttons. */
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: the browser keeps focus inside it, Esc closes it
 * and focus returns to where it was.
 */
export function Dialog({ open, title, onClose, children, actions }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="ui-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="ui-dialog__title">
            {title}
          </h2>
          <div className="ui-dialog__body">{children}</div>
          {actions && <div className="ui-dialog__actions">{actions}</div>}
        </>
      )}
    </dialog>
  );
}
