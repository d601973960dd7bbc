/** Labelled form fields: every input has its <label>, its hint and its error linked by aria-describedby. */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../../i18n.tsx';

/** The ids a field's description is made of, in reading order. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length ? present.join(' ') : undefined;
}

/** « * » for sighted users, « obligatoire » for screen readers. */
export function RequiredMark() {
  const { t } = useI18n();
  return (
    <>
      <span className="required-mark" aria-hidden="true"> *</span>
      <span className="sr-only"> ({t('web.accounts.required')})</span>
    </>
  );
}

export function RequiredLegend() {
  const { t } = useI18n();
  return <p className="required-legend">{t('web.accounts.required_legend')}</p>;
}

/** The error under a field; its id is what the input's aria-describedby points to. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return <p id={id} className="field-error">{message}</p>;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'required'>;

export interface TextFieldProps extends InputProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  required?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  /** Extra description ids (e.g. a password checklist) read after the hint. */
  describedByIds?: string[];
  /** Rendered right after the input (e.g. « Afficher le mot de passe »). */
  after?: ReactNode;
}

export function TextField({ id, label, value, onValue, required, hint, error, describedByIds = [], after, type = 'text', className, ...input }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  return (
    <div className={`form-field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {hint ? <p id={hintId ?? undefined} className="field-hint">{hint}</p> : null}
      <FieldError id={`${id}-error`} message={error} />
      <input
        id={id}
        type={type}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId, ...describedByIds)}
        {...input}
      />
      {after}
    </div>
  );
}

/** An email address: the email keyboard on phones, no capital letter added and no spelling check. */
export function EmailField(props: Omit<TextFieldProps, 'type' | 'inputMode' | 'autoCapitalize' | 'spellCheck'>) {
  return <TextField {...props} type="email" inputMode="email" autoCapitalize="none" spellCheck={false} />;
}

export interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  required?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  disabled?: boolean;
}

export function CheckboxField({ id, label, checked, onChecked, required, hint, error, disabled }: CheckboxFieldProps) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  return (
    <div className={`form-field form-check${error ? ' has-error' : ''}`}>
      <FieldError id={`${id}-error`} message={error} />
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(event) => onChecked(event.target.checked)}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hintId, errorId)}
        />
        <label htmlFor={id}>
          {label}
          {required ? <RequiredMark /> : null}
        </label>
      </div>
      {hint ? <div id={hintId ?? undefined} className="field-hint check-hint">{hint}</div> : null}
    </div>
  );
}

export type Civility = 'mme' | 'm' | '';

/** Madame / Monsieur / not given, as radio buttons in a fieldset. */
export function CivilityField({ name, value, onValue }: { name: string; value: Civility; onValue: (value: Civility) => void }) {
  const { t } = useI18n();
  const options: { value: Civility; label: string }[] = [
    { value: 'mme', label: t('web.accounts.identity.civility.mme') },
    { value: 'm', label: t('web.accounts.identity.civility.m') },
    { value: '', label: t('web.accounts.identity.civility.none') },
  ];
  return (
    <fieldset className="form-field civility-field">
      <legend className="field-label">{t('web.accounts.identity.civility')}</legend>
      <div className="radio-row">
        {options.map((option) => (
          <div key={option.value || 'none'} className="radio">
            <input type="radio" id={`${name}-${option.value || 'none'}`} name={name} value={option.value}
              checked={value === option.value} onChange={() => onValue(option.value)} />
            <label htmlFor={`${name}-${option.value || 'none'}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** A form's submit button (« Envoi… » while busy) and its « Annuler » beside it. */
export function SubmitCancelButtons({ busy, submitLabel, onCancel }: { busy: boolean; submitLabel: string; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <button type="submit" className="button button-primary" disabled={busy}>{busy ? t('web.accounts.sending') : submitLabel}</button>
      <button type="button" className="button button-secondary" onClick={onCancel}>{t('web.accounts.cancel')}</button>
    </div>
  );
}
