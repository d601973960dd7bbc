/**
 * A modal confirmation (native <dialog>: focus moves in, stays in, Escape cancels, focus returns to the button that
 * opened it) for irreversible actions: deleting the account, removing a relative.
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import type { Submission } from './useSubmission.ts';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  submission: Submission;
  /** The label of the button that closes without acting (« Annuler » by default). */
  dismissLabel?: string;
  /** Fields asked before confirming (e.g. the password). */
  children?: ReactNode;
}

export function ConfirmDialog({ open, title, text, confirmLabel, onConfirm, onClose, submission, dismissLabel, children }: ConfirmDialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The first field when there is one (the password), else « Annuler »: the safe choice.
      dialog.querySelector<HTMLElement>('input, .button-secondary')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm();
  };

  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}
      onClose={onClose} onCancel={onClose}>
      {open ? (
        <form noValidate onSubmit={onSubmit}>
          <h2 id={`${id}-title`}>{title}</h2>
          <p id={`${id}-text`}>{text}</p>
          <ErrorSummary submission={submission} />
          {children}
          <div className="button-row">
            <button type="submit" className="button button-danger" disabled={submission.busy}>
              {submission.busy ? t('web.accounts.sending') : confirmLabel}
            </button>
            <button type="button" className="button button-secondary" onClick={onClose}>{dismissLabel ?? t('web.accounts.cancel')}</button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
