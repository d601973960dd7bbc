/**
 * The last step (C3–C6): « Pour qui ? », the patient information, the practice's instructions, the referring
 * practitioner, then « Confirmer le rendez-vous ». One Idempotency-Key per attempt, reused when the answer was lost;
 * refusals land in the error summary (focused); the 8-day rule asks to keep or replace; an expired hold ends the page;
 * a practice confirming from its own software (C9) answers later: `onPending`.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, listRelatives, type AccountView } from '../../api.ts';
import {
  confirmAppointment, newIdempotencyKey, releaseHold, type AppointmentView, type ConfirmedBooking, type HoldView, type PendingBooking,
} from '../../api-booking.ts';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { navigate } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { ErrorSummary } from '../account/ErrorSummary.tsx';
import { CheckboxField, RequiredLegend } from '../account/fields.tsx';
import { useSubmission } from '../account/useSubmission.ts';
import { collect, serverMessagePrefixes } from '../account/validation.ts';
import { EightDayChoice } from './EightDayChoice.tsx';
import { PatientSection } from './PatientSection.tsx';
import { initialPatientForm, patientChoice, patientErrors, type PatientForm } from './patientForm.ts';
import { ReferralField, type ReferralValue } from './ReferralField.tsx';

interface ConfirmFormProps {
  hold: HoldView;
  account: AccountView;
  onConfirmed: (answer: ConfirmedBooking) => void;
  /** C9: the practice's own software must accept the booking first. */
  onPending: (pending: PendingBooking['pending']) => void;
  onExpired: () => void;
}

interface EightDay { message: string; conflicts: AppointmentView[] }

const fieldsOfServerErrors = {
  'patient-birth-date': serverMessagePrefixes.birthDate,
  'new-relative-birth-date': serverMessagePrefixes.birthDate,
  'new-relative-email': serverMessagePrefixes.email,
  'new-relative-phone': serverMessagePrefixes.phone,
};

export function ConfirmForm({ hold, account, onConfirmed, onPending, onExpired }: ConfirmFormProps) {
  const { t, lang } = useI18n();
  const session = useSession();
  const relativesLoad = useLoad(`relatives|${account.id}|${lang}`, (signal) => listRelatives(lang, signal));
  const relatives = relativesLoad.state === 'done' ? relativesLoad.data.relatives : [];
  const [form, setForm] = useState<PatientForm>(() => initialPatientForm(account));
  const [accepted, setAccepted] = useState(false);
  const [referral, setReferral] = useState<ReferralValue>({ text: '', chosen: null });
  const [eightDay, setEightDay] = useState<EightDay | null>(null);
  const submission = useSubmission({ signedIn: true, fieldsOfServerErrors });
  /** The key of the attempt in progress: kept while its answer is unknown, so a retry cannot book twice. */
  const attemptKey = useRef<string | null>(null);
  const { reason } = hold;

  const ageLimits = [
    reason.minAgeYears !== null ? t('web.reason.min_age', { age: reason.minAgeYears }) : null,
    reason.maxAgeYears !== null ? t('web.reason.max_age', { age: reason.maxAgeYears }) : null,
  ].filter((limit): limit is string => limit !== null);

  const send = (eightDayRule?: 'replace') => void submission.submit(
    collect(
      ...patientErrors(form, account, relatives, t),
      reason.instructions !== null && !accepted && { id: 'accept-instructions', message: t('web.confirm.error.instructions') },
      reason.referralRequired && !referral.chosen && { id: 'referral', message: t('web.confirm.error.referral') },
    ),
    async () => {
      attemptKey.current ??= newIdempotencyKey();
      try {
        const answer = await confirmAppointment({
          holdId: hold.id,
          patient: patientChoice(form, account),
          ...(reason.instructions !== null ? { acceptInstructions: accepted } : {}),
          ...(reason.referralRequired && referral.chosen ? { referringPractitionerId: referral.chosen.id } : {}),
          ...(eightDayRule ? { eightDayRule } : {}),
        }, attemptKey.current, lang);
        attemptKey.current = null;
        if ('pending' in answer) onPending(answer.pending);
        else onConfirmed(answer);
      } catch (error) {
        // A refusal is an answer: the next attempt (with other answers) gets a new key.
        if (error instanceof ApiError && error.status < 500) attemptKey.current = null;
        if (error instanceof ApiError && error.code === 'eight_day_rule') {
          const conflicts = Array.isArray(error.body.conflicts) ? error.body.conflicts as AppointmentView[] : [];
          setEightDay({ message: error.message, conflicts });
          return;
        }
        if (error instanceof ApiError && error.code === 'hold_expired') {
          onExpired();
          return;
        }
        throw error;
      }
    },
  );

  const keepInitial = () => void submission.submit([], async () => {
    await releaseHold(hold.id, lang).catch(() => undefined);
    session.announce({ key: 'web.confirm.eight_day.kept', path: '/mes-rendez-vous' });
    navigate('/mes-rendez-vous');
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setEightDay(null);
    send();
  };

  return (
    <form noValidate onSubmit={onSubmit} className="confirm-form" aria-label={t('web.confirm.submit')}>
      <ErrorSummary submission={submission} />
      <RequiredLegend />
      <PatientSection account={account} relatives={relatives} form={form} onForm={setForm} errorOf={submission.errorOf}
        ageLimits={ageLimits} />
      {reason.instructions !== null ? (
        <section className="booking-section" aria-labelledby="instructions-title">
          <h2 id="instructions-title" className="booking-section-title">{t('web.confirm.instructions.title')}</h2>
          <div id="instructions-text" className="instructions-text">{reason.instructions}</div>
          <CheckboxField id="accept-instructions" label={t('web.confirm.instructions.accept')} checked={accepted}
            onChecked={setAccepted} required error={submission.errorOf('accept-instructions')} />
        </section>
      ) : null}
      {reason.referralRequired ? (
        <section className="booking-section" aria-labelledby="referral-title">
          <h2 id="referral-title" className="booking-section-title">{t('web.reason.referral')}</h2>
          <ReferralField id="referral" value={referral} onValue={setReferral} error={submission.errorOf('referral')} />
        </section>
      ) : null}
      {eightDay ? (
        <EightDayChoice message={eightDay.message} conflicts={eightDay.conflicts} busy={submission.busy}
          onKeep={keepInitial} onReplace={() => send('replace')} />
      ) : (
        <div className="button-row">
          <button type="submit" className="button button-primary button-wide" disabled={submission.busy}>
            {submission.busy ? t('web.confirm.sending') : t('web.confirm.submit')}
          </button>
        </div>
      )}
    </form>
  );
}
