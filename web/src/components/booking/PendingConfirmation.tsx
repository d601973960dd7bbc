/**
 * C9: the practice's own software accepts each online booking before it is confirmed (2 minutes at most). In place of
 * the form, a polite waiting message and a visible progress bar (time elapsed toward the answer, no motion needed),
 * while GET /api/appointments/pending/:holdId is asked every 2 s: booked → `onBooked`, as a 201 would; refused or
 * timed out → the sentence that says so, focused. Polling stops when the page is left. The page also opens here on a
 * reload (`status` as GET last answered): waiting → polls on; refused / timed out → that sentence; booked → `onBooked`.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { getPendingBooking, type AppointmentView, type PendingStatus } from '../../api-booking.ts';
import { formatPhone } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { formatWait, useCountdown } from '../account/useCountdown.ts';

/** How often the page asks whether the practice's software answered. */
const pollEveryMs = 2000;

interface PendingConfirmationProps {
  holdId: string;
  /** Where the request stood when the page learnt of it (a 202 is `waiting` until its `answerBy`). */
  status: PendingStatus;
  /** The practitioner's calendar, to choose another slot after a refusal. */
  calendar: string;
  onBooked: (appointment: AppointmentView) => void;
}

type Outcome = Exclude<PendingStatus, { status: 'waiting' } | { status: 'booked' }> | { status: 'lost' };

export function PendingConfirmation({ holdId, status, calendar, onBooked }: PendingConfirmationProps) {
  const { t } = useI18n();
  const [initial] = useState(status);
  const [outcome, setOutcome] = useState<Outcome | null>(() => finalOutcomeOf(initial));
  const waitingRef = useRef<HTMLDivElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  usePendingPoll(holdId, initial, onBooked, setOutcome);

  // The form the patient was in is gone: the focus goes to what replaces it, as for errors.
  useEffect(() => {
    (outcome ? outcomeRef.current : waitingRef.current)?.focus();
  }, [outcome]);

  if (outcome) {
    return (
      <div ref={outcomeRef} tabIndex={-1} role="alert" className="booking-section pending-outcome">
        <OutcomeText outcome={outcome} />
        <p><Link to={calendar} className="button button-primary">{t('web.confirm.change_slot')}</Link></p>
      </div>
    );
  }
  // Booked already: the confirmed page comes at once.
  if (initial.status !== 'waiting') return null;
  return (
    <div className="booking-section pending-confirmation">
      <div ref={waitingRef} tabIndex={-1} role="status" className="pending-message">
        <p>{t('web.confirm.pending.text')}</p>
      </div>
      <PendingProgress answerBy={initial.answerBy} />
    </div>
  );
}

/** The refusal or time-out the page already knows of, if any. */
function finalOutcomeOf(status: PendingStatus): Outcome | null {
  return status.status === 'refused' || status.status === 'timed_out' ? status : null;
}

/**
 * While waiting, asks every 2 s (after each answer, never two at once) until the final answer or until the page is
 * left; already booked → `onBooked` at once; already refused or timed out → nothing to ask.
 */
function usePendingPoll(holdId: string, initial: PendingStatus, onBooked: (appointment: AppointmentView) => void,
  onOutcome: (outcome: Outcome) => void): void {
  const { lang } = useI18n();
  const booked = useRef(onBooked);
  booked.current = onBooked;
  useEffect(() => {
    if (initial.status === 'booked') {
      booked.current(initial.appointment);
      return;
    }
    if (initial.status !== 'waiting') return;
    const controller = new AbortController();
    let timer: number | undefined;
    const ask = async () => {
      try {
        const answer = await getPendingBooking(holdId, lang, controller.signal);
        if (controller.signal.aborted) return;
        if (answer.status === 'booked') return booked.current(answer.appointment);
        if (answer.status !== 'waiting') return onOutcome(answer);
      } catch (error) {
        if (controller.signal.aborted) return;
        // Not (or no longer) this account's request: nothing more will come. A network hiccup: ask again.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) return onOutcome({ status: 'lost' });
      }
      timer = window.setTimeout(() => void ask(), pollEveryMs);
    };
    timer = window.setTimeout(() => void ask(), pollEveryMs);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [holdId, initial, lang, onOutcome]);
}

function OutcomeText({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  if (outcome.status === 'refused') return <p>{t('web.confirm.pending.refused')}</p>;
  if (outcome.status === 'lost') return <p>{t('web.hold.missing.text')}</p>;
  if (!outcome.phone) return <p>{t('web.confirm.pending.timed_out.no_phone')}</p>;
  return (
    <p>
      {t('web.confirm.pending.timed_out')}{' '}
      <a href={`tel:${outcome.phone.replace(/[^\d+]/g, '')}`}>{formatPhone(outcome.phone)}</a>.
    </p>
  );
}

/** The time left for the practice's answer, as a bar that fills up and as words (the bar never needs to move). */
function PendingProgress({ answerBy }: { answerBy: string }) {
  const { t } = useI18n();
  const left = useCountdown(answerBy);
  const [total] = useState(() => Math.max(left, 1));
  return (
    <div className="pending-progress">
      <span className="pending-dot" aria-hidden="true" />
      <progress max={total} value={Math.max(total - left, 0)} aria-label={t('web.confirm.pending.progress')} />
      <p className="field-hint">{t('web.confirm.pending.left', { time: formatWait(left) })}</p>
    </div>
  );
}
