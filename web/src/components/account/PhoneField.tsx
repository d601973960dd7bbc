/** A phone input (any French form, or +country) that explains at once why « 00… » will be refused (A1). */
import { useI18n } from '../../i18n.tsx';
import { TextField, type TextFieldProps } from './fields.tsx';
import { startsWithDoubleZero } from './validation.ts';

type PhoneFieldProps = Omit<TextFieldProps, 'type' | 'autoComplete' | 'inputMode'> & { autoComplete?: string };

export function PhoneField({ id, value, autoComplete = 'tel', ...rest }: PhoneFieldProps) {
  const { t } = useI18n();
  const adviceId = `${id}-advice`;
  // The server's own sentence, so that both say the same thing.
  const advice = startsWithDoubleZero(value) ? t('accounts.error.phone_00') : '';
  return (
    <div className="phone-field">
      <TextField id={id} type="tel" inputMode="tel" autoComplete={autoComplete} value={value} describedByIds={[adviceId]} {...rest} />
      <p id={adviceId} className={advice ? 'field-advice' : 'field-advice is-empty'} aria-live="polite">{advice}</p>
    </div>
  );
}
