/**
 * A new password typed twice, with the A3 checklist (a password reset, an invitation to the practitioner space). A 410
 * from `save` means the link is no longer valid.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { RequiredLegend } from './fields.tsx';
import { PasswordField } from './PasswordField.tsx';
import { missingRules } from './passwordRules.ts';
import { useSubmission } from './useSubmission.ts';
import { collect, serverMessagePrefixes } from './validation.ts';

export interface NewPasswordFormProps {
  /** Prefix of the fields' ids: `<idPrefix>-password`, `<idPrefix>-confirmation`. */
  idPrefix: string;
  submitLabel: string;
  save: (password: string) => Promise<void>;
  onSaved: () => void;
  /** The link expired or was used meanwhile (410). */
  onInvalid: () => void;
}

export function NewPasswordForm({ idPrefix, submitLabel, save, onSaved, onInvalid }: NewPasswordFormProps) {
  const { t } = useI18n();
  const passwordId = `${idPrefix}-password`;
  const confirmationId = `${idPrefix}-confirmation`;
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const fieldsOfServerErrors = useMemo(() => ({ [passwordId]: serverMessagePrefixes.password }), [passwordId]);
  const submission = useSubmission({ fieldsOfServerErrors });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(
        (!password && { id: passwordId, message: t('web.accounts.error.required', { field: t('web.accounts.reset.password') }) })
          || (missingRules(password).length > 0 && { id: passwordId, message: t('web.accounts.error.password_rules') }),
        confirmation !== password && { id: confirmationId, message: t('web.accounts.error.password_mismatch') },
      ),
      async () => {
        try {
          await save(password);
        } catch (error) {
          if (error instanceof ApiError && error.status === 410) {
            onInvalid();
            return;
          }
          throw error;
        }
        onSaved();
      },
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="account-form">
      <ErrorSummary submission={submission} />
      <RequiredLegend />
      <PasswordField id={passwordId} label={t('web.accounts.reset.password')} value={password} onValue={setPassword}
        autoComplete="new-password" checklist error={submission.errorOf(passwordId)} />
      <PasswordField id={confirmationId} label={t('web.accounts.reset.confirmation')} value={confirmation}
        onValue={setConfirmation} autoComplete="new-password" error={submission.errorOf(confirmationId)} />
      <button type="submit" className="button button-primary button-wide" disabled={submission.busy}>
        {submission.busy ? t('web.accounts.sending') : submitLabel}
      </button>
    </form>
  );
}
