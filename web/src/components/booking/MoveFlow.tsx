/**
 * Moving an appointment (D2): the practitioner's calendar for the same place and reason; a chosen slot is held, then
 * « Confirmer le déplacement » books it and releases the old one in one step (the old one is kept until then).
 * « Aucune disponibilité ne vous convient ? » opens the caller's choices (keep, or cancel).
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../api.ts';
import { releaseHold, type AppointmentView, type HoldView } from '../../api-booking.ts';
import { useI18n } from '../../i18n.tsx';
import { ErrorSummary } from '../account/ErrorSummary.tsx';
import { useSubmission } from '../account/useSubmission.ts';
import { BookingNotice } from '../BookingNotice.tsx';
import { Calendar } from '../Calendar.tsx';
import { AppointmentFacts } from './AppointmentFacts.tsx';
import { HoldCountdown } from './HoldCountdown.tsx';
import { useSlotHold } from './useSlotHold.ts';

interface MoveFlowProps {
  appointment: AppointmentView;
  /** Holds taken with `moving` (signed in); the link page holds without it. */
  moving: boolean;
  move: (holdId: string) => Promise<AppointmentView>;
  onMoved: (appointment: AppointmentView) => void;
  /** The choices behind « Aucune disponibilité ne vous convient ? ». */
  noneSuits: ReactNode;
  signedIn: boolean;
}

export function MoveFlow({ appointment, moving, move, onMoved, noneSuits, signedIn }: MoveFlowProps) {
  const { t, lang } = useI18n();
  const [hold, setHold] = useState<HoldView | null>(null);
  const [expired, setExpired] = useState(false);
  const [choicesOpen, setChoicesOpen] = useState(false);
  const submission = useSubmission({ signedIn });
  const stepRef = useRef<HTMLHeadingElement>(null);
  const calendarRef = useRef<HTMLHeadingElement>(null);
  const slotHold = useSlotHold({
    practitionerId: appointment.practitioner.id, placeId: appointment.place.id, reasonId: appointment.reason.id,
    ...(moving ? { moving: appointment.id } : {}),
  }, useCallback((next: HoldView) => {
    setExpired(false);
    setHold(next);
  }, []));
  const step = hold ? 'confirm' : 'calendar';
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    (step === 'confirm' ? stepRef : calendarRef).current?.focus();
  }, [step]);

  const backToCalendar = (release: boolean) => {
    if (hold && release) void releaseHold(hold.id, lang).catch(() => undefined);
    submission.reset();
    slotHold.reset();
    setHold(null);
  };
  const onExpired = useCallback(() => {
    setHold(null);
    setExpired(true);
  }, []);

  const confirm = () => void submission.submit([], async () => {
    if (!hold) return;
    try {
      onMoved(await move(hold.id));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'hold_expired') {
        onExpired();
        return;
      }
      throw error;
    }
  });

  if (hold) {
    return (
      <section className="booking-section move-confirm" aria-labelledby="move-new-title">
        <h2 id="move-new-title" ref={stepRef} tabIndex={-1} className="booking-section-title">{t('web.move.new')}</h2>
        <ErrorSummary submission={submission} />
        <AppointmentFacts start={hold.start} practitioner={hold.practitioner} place={hold.place} reason={hold.reason} replacement={hold.replacement} />
        <HoldCountdown expiresAt={hold.expiresAt} onExpired={onExpired} />
        <div className="button-row">
          <button type="button" className="button button-primary" disabled={submission.busy} onClick={confirm}>
            {submission.busy ? t('web.move.sending') : t('web.move.confirm')}
          </button>
          <button type="button" className="button button-secondary" disabled={submission.busy} onClick={() => backToCalendar(true)}>
            {t('web.move.other')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <>
      <section className="booking-section" aria-labelledby="move-calendar-title">
        <h2 id="move-calendar-title" ref={calendarRef} tabIndex={-1} className="booking-section-title">{t('web.move.choose')}</h2>
        {expired ? <p role="alert" className="error-message">{t('booking.hold.expired')}</p> : null}
        <h3 className="move-calendar-caption">{appointment.practitioner.name} – {appointment.reason.label}</h3>
        <Calendar practitionerId={appointment.practitioner.id} placeId={appointment.place.id} reasonId={appointment.reason.id}
          initialFrom={undefined} onChoose={slotHold.choose} refreshKey={slotHold.refreshKey}
          notice={<BookingNotice state={slotHold.state} phone={appointment.practitioner.phone} />} />
      </section>
      <section className="booking-section none-suits" aria-labelledby="none-suits-title">
        <h2 id="none-suits-title" className="booking-section-title">
          <button type="button" className="disclosure-button" aria-expanded={choicesOpen} aria-controls="none-suits-choices"
            onClick={() => setChoicesOpen((open) => !open)}>
            {t('web.move.none_suits')}
          </button>
        </h2>
        <div id="none-suits-choices" hidden={!choicesOpen}>
          <p>{t('web.move.none_suits.text')}</p>
          {noneSuits}
        </div>
      </section>
    </>
  );
}
