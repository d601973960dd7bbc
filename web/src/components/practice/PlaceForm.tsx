/**
 * A place of consultation's form: name, address, postal code, commune (picked from the list, which gives its INSEE
 * code), phone, and the « réservation en ligne » switch of that place.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { suggestPlaces } from '../../api.ts';
import type { Place, PlaceInput } from '../../api-practice.ts';
import { useI18n } from '../../i18n.tsx';
import { Combobox, type ComboOption } from '../Combobox.tsx';
import { ErrorSummary } from '../account/ErrorSummary.tsx';
import { CheckboxField, FieldError, RequiredLegend, SubmitCancelButtons, TextField, describedBy } from '../account/fields.tsx';
import { PhoneField } from '../account/PhoneField.tsx';
import { collect, serverMessagePrefixes } from '../account/validation.ts';
import { formatPhone } from '../../format.ts';
import { usePracticeSubmission } from './usePractice.ts';

interface PlaceFormProps {
  place?: Place;
  idPrefix: string;
  title: string;
  save: (input: PlaceInput) => Promise<void>;
  onCancel: () => void;
}

interface Commune { code: string; postalCode: string }

export function PlaceForm({ place, idPrefix, title, save, onCancel }: PlaceFormProps) {
  const { t, lang } = useI18n();
  const [name, setName] = useState(place?.name ?? '');
  const [address, setAddress] = useState(place?.address ?? '');
  const [postalCode, setPostalCode] = useState(place?.postalCode ?? '');
  const [communeText, setCommuneText] = useState(place?.city ?? '');
  const [communeCode, setCommuneCode] = useState(place?.communeCode ?? '');
  const [phone, setPhone] = useState(place?.phone ? formatPhone(place.phone) : '');
  const [onlineBooking, setOnlineBooking] = useState(place?.onlineBooking ?? true);
  const submission = usePracticeSubmission({ fieldsOfServerErrors: { [`${idPrefix}-phone`]: serverMessagePrefixes.phone } });
  const id = (field: string) => `${idPrefix}-${field}`;

  const loadCommunes = useCallback(async (text: string, signal: AbortSignal): Promise<ComboOption<Commune>[]> => {
    const found = await suggestPlaces(text, lang, signal);
    return found.places.map((p) => ({ key: `${p.code}-${p.postalCode}`, label: p.label, value: { code: p.code, postalCode: p.postalCode } }));
  }, [lang]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(
        !address.trim() && { id: id('address'), message: t('web.accounts.error.required', { field: t('web.practice.places.address') }) },
        !/^\d{5}$/.test(postalCode.trim()) && { id: id('postal-code'), message: t('web.practice.places.error.postal_code') },
        !communeCode && { id: id('commune'), message: t('web.practice.places.error.commune') },
      ),
      () => save({
        name: name.trim() || null, address: address.trim(), postalCode: postalCode.trim(), communeCode,
        phone: phone.trim() || null, onlineBooking,
      }),
    );
  };

  const communeError = submission.errorOf(id('commune'));
  return (
    <form noValidate onSubmit={onSubmit} className="account-form practice-form" aria-labelledby={id('title')}>
      <h3 id={id('title')}>{title}</h3>
      <ErrorSummary submission={submission} />
      <RequiredLegend />
      <TextField id={id('name')} label={t('web.practice.places.name')} hint={t('web.practice.places.name_hint')} value={name} onValue={setName} maxLength={200} />
      <TextField id={id('address')} label={t('web.practice.places.address')} value={address} onValue={setAddress} required maxLength={200}
        autoComplete="street-address" error={submission.errorOf(id('address'))} />
      <div className="field-pair">
        <TextField id={id('postal-code')} label={t('web.practice.places.postal_code')} value={postalCode} onValue={setPostalCode} required
          inputMode="numeric" maxLength={5} className="postal-code-field" autoComplete="postal-code" error={submission.errorOf(id('postal-code'))} />
        <div className={`form-field${communeError ? ' has-error' : ''}`}>
          <FieldError id={`${id('commune')}-error`} message={communeError} />
          <Combobox id={id('commune')} label={t('web.practice.places.commune')} value={communeText} required invalid={Boolean(communeError)}
            describedBy={describedBy(communeError && `${id('commune')}-error`)}
            onValueChange={(text) => { setCommuneText(text); setCommuneCode(''); }}
            loadOptions={loadCommunes}
            onPick={(option) => {
              setCommuneText(option.label);
              setCommuneCode(option.value.code);
              if (!postalCode.trim()) setPostalCode(option.value.postalCode);
            }} />
        </div>
      </div>
      <PhoneField id={id('phone')} label={t('web.practice.places.phone')} value={phone} onValue={setPhone} error={submission.errorOf(id('phone'))} />
      <CheckboxField id={id('online')} label={t('web.practice.places.online_booking')} hint={t('web.practice.places.online_booking_hint')}
        checked={onlineBooking} onChecked={setOnlineBooking} />
      <SubmitCancelButtons busy={submission.busy} submitLabel={t('web.practice.save')} onCancel={onCancel} />
    </form>
  );
}
