/**
 * A password input with « Afficher le mot de passe » and, for a new password, the live checklist of the A3 rules:
 * each rule ticked as it is met, and a polite announcement of what is still missing once typing pauses.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { CheckboxField, TextField } from './fields.tsx';
import { missingRules, passwordRules } from './passwordRules.ts';

interface PasswordFieldProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
  /** Show the A3 checklist (new passwords only). */
  checklist?: boolean;
  required?: boolean;
  error?: string | undefined;
}

/** How long typing must pause before the checklist's state is announced. */
const announceDelayMs = 900;

export function PasswordField({ id, label, value, onValue, autoComplete, checklist = false, required = true, error }: PasswordFieldProps) {
  const { t } = useI18n();
  const [visible, setVisible] = useState(false);
  const missing = missingRules(value);
  const rulesId = `${id}-rules`;
  return (
    <div className="password-field">
      <TextField
        id={id}
        label={label}
        type={visible ? 'text' : 'password'}
        value={value}
        onValue={onValue}
        autoComplete={autoComplete}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        maxLength={128}
        required={required}
        error={error}
        describedByIds={checklist ? [rulesId] : []}
      />
      <CheckboxField id={`${id}-show`} label={t('web.accounts.password.show')} checked={visible} onChecked={setVisible} />
      {checklist ? (
        <div className="password-rules">
          <div id={rulesId}>
            <p className="password-rules-title">{t('web.accounts.password.rules')}</p>
            <ul>
              {passwordRules.map((rule) => {
                const met = !missing.includes(rule);
                return (
                  <li key={rule} className={met ? 'rule is-met' : 'rule'}>
                    <span className="rule-icon" aria-hidden="true">{met ? '✓' : '•'}</span>
                    {t(`web.accounts.password.rule.${rule}`)}
                    <span className="sr-only"> : {met ? t('web.accounts.password.rule.met') : t('web.accounts.password.rule.unmet')}</span>
                  </li>
                );
              })}
            </ul>
            <p className="field-hint">{t('web.accounts.password.advice')}</p>
          </div>
          <ChecklistAnnouncement password={value} />
        </div>
      ) : null}
    </div>
  );
}

/** The polite live region: silent until something is typed, then the missing rules (or « all met ») after a pause. */
function ChecklistAnnouncement({ password }: { password: string }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  useEffect(() => {
    if (!password) {
      setText('');
      return;
    }
    const timer = window.setTimeout(() => {
      const missing = missingRules(password);
      setText(missing.length === 0
        ? t('web.accounts.password.all_met')
        : t('web.accounts.password.missing', { rules: missing.map((rule) => t(`web.accounts.password.rule.${rule}`)).join(', ') }));
    }, announceDelayMs);
    return () => window.clearTimeout(timer);
  }, [password, t]);
  return <p className="sr-only" aria-live="polite">{text}</p>;
}
