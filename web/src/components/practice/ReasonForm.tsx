/**
 * A visit reason's form (J2): labels, duration, price, online booking, new patients, age limits, referral, video,
 * patients per slot, notifications (E4), and the instructions the patient must accept (C3).
 */
import { useState, type FormEvent } from 'react';
import type { Reason, ReasonInput } from '../../api-practice.ts';
import { useI18n } from '../../i18n.tsx';
import { ErrorSummary } from '../account/ErrorSummary.tsx';
import { CheckboxField, RequiredLegend, SubmitCancelButtons, TextField } from '../account/fields.tsx';
import { collect } from '../account/validation.ts';
import { TextAreaField, centsOf, eurosOf, wholeNumber } from './practiceFields.tsx';
import { usePracticeSubmission } from './usePractice.ts';

interface ReasonFormProps {
  /** The reason being changed, or undefined for a new one. */
  reason?: Reason;
  idPrefix: string;
  title: string;
  save: (input: ReasonInput) => Promise<void>;
  onCancel: () => void;
}

export function ReasonForm({ reason, idPrefix, title, save, onCancel }: ReasonFormProps) {
  const { t, lang } = useI18n();
  const [labelFr, setLabelFr] = useState(reason?.labelFr ?? '');
  const [labelEn, setLabelEn] = useState(reason?.labelEn ?? '');
  const [duration, setDuration] = useState(String(reason?.durationMinutes ?? 20));
  const [price, setPrice] = useState(reason ? eurosOf(reason.priceCents, lang) : '');
  const [onlineBookable, setOnlineBookable] = useState(reason?.onlineBookable ?? true);
  const [newPatients, setNewPatients] = useState(reason?.newPatients ?? true);
  const [minAge, setMinAge] = useState(reason?.minAgeYears?.toString() ?? '');
  const [maxAge, setMaxAge] = useState(reason?.maxAgeYears?.toString() ?? '');
  const [referralRequired, setReferralRequired] = useState(reason?.referralRequired ?? false);
  const [video, setVideo] = useState(reason?.video ?? false);
  const [capacity, setCapacity] = useState(String(reason?.capacity ?? 1));
  const [notifications, setNotifications] = useState(reason?.notifications ?? true);
  const [instructionsFr, setInstructionsFr] = useState(reason?.instructionsFr ?? '');
  const [instructionsEn, setInstructionsEn] = useState(reason?.instructionsEn ?? '');
  const submission = usePracticeSubmission();
  const id = (name: string) => `${idPrefix}-${name}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const durationMinutes = wholeNumber(duration, 5, 480);
    const priceCents = centsOf(price);
    const min = minAge.trim() ? wholeNumber(minAge, 0, 120) : null;
    const max = maxAge.trim() ? wholeNumber(maxAge, 0, 120) : null;
    const places = wholeNumber(capacity, 1, 50);
    void submission.submit(
      collect(
        !labelFr.trim() && { id: id('label-fr'), message: t('web.accounts.error.required', { field: t('web.practice.reasons.label_fr') }) },
        (durationMinutes === null || durationMinutes % 5 !== 0) && { id: id('duration'), message: t('web.practice.reasons.error.duration') },
        priceCents === null && { id: id('price'), message: t('web.practice.reasons.error.price') },
        minAge.trim() !== '' && min === null && { id: id('min-age'), message: t('web.practice.reasons.error.age') },
        maxAge.trim() !== '' && max === null && { id: id('max-age'), message: t('web.practice.reasons.error.age') },
        min !== null && max !== null && min > max && { id: id('max-age'), message: t('web.practice.reasons.error.ages') },
        places === null && { id: id('capacity'), message: t('web.practice.reasons.error.capacity') },
      ),
      () => save({
        labelFr: labelFr.trim(), labelEn: labelEn.trim() || labelFr.trim(), durationMinutes: durationMinutes ?? 0, priceCents: priceCents ?? 0,
        onlineBookable, newPatients, minAgeYears: min, maxAgeYears: max, referralRequired, video, capacity: places ?? 1, notifications,
        instructionsFr: instructionsFr.trim() || null, instructionsEn: instructionsEn.trim() || null,
      }),
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="account-form practice-form reason-form" aria-labelledby={id('title')}>
      <h3 id={id('title')}>{title}</h3>
      <ErrorSummary submission={submission} />
      <RequiredLegend />
      <div className="field-pair">
        <TextField id={id('label-fr')} label={t('web.practice.reasons.label_fr')} value={labelFr} onValue={setLabelFr} required maxLength={100}
          lang="fr" error={submission.errorOf(id('label-fr'))} />
        <TextField id={id('label-en')} label={t('web.practice.reasons.label_en')} hint={t('web.practice.reasons.label_en_hint')} value={labelEn}
          onValue={setLabelEn} maxLength={100} lang="en" error={submission.errorOf(id('label-en'))} />
      </div>
      <div className="field-pair">
        <TextField id={id('duration')} label={t('web.practice.reasons.duration')} hint={t('web.practice.reasons.duration_hint')} type="number"
          min={5} max={480} step={5} inputMode="numeric" value={duration} onValue={setDuration} required error={submission.errorOf(id('duration'))} />
        <TextField id={id('price')} label={t('web.practice.reasons.price')} hint={t('web.practice.reasons.price_hint')} inputMode="decimal"
          value={price} onValue={setPrice} required error={submission.errorOf(id('price'))} />
      </div>
      <fieldset className="practice-fieldset">
        <legend className="field-label">{t('web.practice.reasons.booking_rules')}</legend>
        <CheckboxField id={id('online')} label={t('web.practice.reasons.online_bookable')} hint={t('web.practice.reasons.online_bookable_hint')}
          checked={onlineBookable} onChecked={setOnlineBookable} />
        <CheckboxField id={id('new-patients')} label={t('web.practice.reasons.new_patients')} checked={newPatients} onChecked={setNewPatients} />
        <CheckboxField id={id('referral')} label={t('web.practice.reasons.referral_required')} checked={referralRequired} onChecked={setReferralRequired} />
        <CheckboxField id={id('video')} label={t('web.practice.reasons.video')} checked={video} onChecked={setVideo} />
        <CheckboxField id={id('notifications')} label={t('web.practice.reasons.notifications')} hint={t('web.practice.reasons.notifications_hint')}
          checked={notifications} onChecked={setNotifications} />
      </fieldset>
      <div className="field-pair">
        <TextField id={id('min-age')} label={t('web.practice.reasons.min_age')} hint={t('web.practice.reasons.age_hint')} type="number" min={0} max={120}
          inputMode="numeric" value={minAge} onValue={setMinAge} error={submission.errorOf(id('min-age'))} />
        <TextField id={id('max-age')} label={t('web.practice.reasons.max_age')} hint={t('web.practice.reasons.age_hint')} type="number" min={0} max={120}
          inputMode="numeric" value={maxAge} onValue={setMaxAge} error={submission.errorOf(id('max-age'))} />
      </div>
      <TextField id={id('capacity')} label={t('web.practice.reasons.capacity')} hint={t('web.practice.reasons.capacity_hint')} type="number"
        min={1} max={50} inputMode="numeric" value={capacity} onValue={setCapacity} className="number-field" error={submission.errorOf(id('capacity'))} />
      <TextAreaField id={id('instructions-fr')} label={t('web.practice.reasons.instructions_fr')} hint={t('web.practice.reasons.instructions_hint')}
        value={instructionsFr} onValue={setInstructionsFr} maxLength={2000} lang="fr" />
      <TextAreaField id={id('instructions-en')} label={t('web.practice.reasons.instructions_en')} value={instructionsEn}
        onValue={setInstructionsEn} maxLength={2000} lang="en" />
      <SubmitCancelButtons busy={submission.busy} submitLabel={t('web.practice.save')} onCancel={onCancel} />
    </form>
  );
}
