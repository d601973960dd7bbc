/**
 * « Quel est le praticien qui vous adresse ? » (C5): not a free field, a practitioner chosen from the list
 * (GET /api/referring-practitioners?q=). Typing again forgets the previous choice.
 */
import { useCallback } from 'react';
import { findReferringPractitioners, type ReferringPractitioner } from '../../api-booking.ts';
import { useI18n } from '../../i18n.tsx';
import { FieldError, describedBy } from '../account/fields.tsx';
import { Combobox, type ComboOption } from '../Combobox.tsx';

export interface ReferralValue {
  text: string;
  chosen: ReferringPractitioner | null;
}

interface ReferralFieldProps {
  id: string;
  value: ReferralValue;
  onValue: (value: ReferralValue) => void;
  error: string | undefined;
}

export function ReferralField({ id, value, onValue, error }: ReferralFieldProps) {
  const { t, lang } = useI18n();
  const loadOptions = useCallback(async (text: string, signal: AbortSignal): Promise<ComboOption<ReferringPractitioner>[]> => {
    const { practitioners } = await findReferringPractitioners(text, lang, signal);
    return practitioners.map((p) => ({ key: p.id, label: p.name, detail: `${p.specialty}, ${p.city}`, value: p }));
  }, [lang]);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`form-field referral-field${error ? ' has-error' : ''}`}>
      <Combobox id={id} label={t('web.confirm.referral.label')} value={value.text} required invalid={Boolean(error)}
        describedBy={describedBy(hintId, error && errorId)} loadOptions={loadOptions} maxLength={100}
        onValueChange={(text) => onValue({ text, chosen: null })}
        onPick={(option) => onValue({ text: option.label, chosen: option.value })} />
      <p id={hintId} className="field-hint">{t('web.confirm.referral.hint')}</p>
      <FieldError id={errorId} message={error} />
      <p className="referral-chosen" aria-live="polite">
        {value.chosen ? t('web.confirm.referral.chosen', { name: `${value.chosen.name} (${value.chosen.specialty}, ${value.chosen.city})` }) : ''}
      </p>
    </div>
  );
}
