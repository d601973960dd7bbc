/** Fields the practice's forms need beyond the account ones: a labelled text area, euros typed as text. */
import { FieldError, RequiredMark, describedBy } from '../account/fields.tsx';

interface TextAreaFieldProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  maxLength?: number;
  required?: boolean;
  lang?: string;
}

export function TextAreaField({ id, label, value, onValue, hint, error, maxLength, required, lang }: TextAreaFieldProps) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  return (
    <div className={`form-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="field-label">{label}{required ? <RequiredMark /> : null}</label>
      {hint ? <p id={hintId ?? undefined} className="field-hint">{hint}</p> : null}
      <FieldError id={`${id}-error`} message={error} />
      <textarea id={id} value={value} onChange={(event) => onValue(event.target.value)} rows={3} maxLength={maxLength} lang={lang}
        aria-required={required || undefined} aria-invalid={error ? true : undefined} aria-describedby={describedBy(hintId, errorId)} />
    </div>
  );
}

/** Cents from « 30 », « 30,50 » or « 30.5 » (null when it is not an amount). */
export function centsOf(euros: string): number | null {
  const text = euros.trim().replace(/\s|€/g, '').replace(',', '.');
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}

/** « 30,50 » (fr) or « 30.50 » (en) for an input. */
export function eurosOf(cents: number, lang: string): string {
  const text = (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2);
  return lang === 'fr' ? text.replace('.', ',') : text;
}

/** A whole number within bounds, or null. */
export function wholeNumber(value: string, min: number, max: number): number | null {
  if (!/^\d{1,4}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= min && n <= max ? n : null;
}

