/**
 * /rendez-vous/confirmer?hold=<id> (C2–C10): the held slot with its 15-minute countdown, an earlier video slot when
 * there is one, then login/sign-up (coming back here, the hold survives) or the last step, « Confirmer le rendez-vous »
 * → /rendez-vous/:id/confirme. An expired hold says so and leads back to the practitioner's calendar. A practice
 * confirming from its own software (C9) puts a waiting message in place of the form until its answer; the page asks
 * first whether such a request is already there (a reload while waiting), and shows its state instead of the form.
 */
import { useCallback, useState } from 'react';
import { ApiError } from '../../api.ts';
import {
  findPendingBooking, getHold, holdOriginOf, type AppointmentView, type ConfirmedBooking, type HoldOrigin, type HoldView,
  type PendingBooking, type PendingStatus,
} from '../../api-booking.ts';
import { authLink } from '../../components/account/returnPath.ts';
import { AppointmentFacts } from '../../components/booking/AppointmentFacts.tsx';
import { ConfirmForm } from '../../components/booking/ConfirmForm.tsx';
import { EarlierVideo } from '../../components/booking/EarlierVideo.tsx';
import { HoldCountdown } from '../../components/booking/HoldCountdown.tsx';
import { PendingConfirmation } from '../../components/booking/PendingConfirmation.tsx';
import { appointmentWhen } from '../../components/booking/when.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { Link, navigate, pathWithQuery } from '../../router.tsx';
import { useSession } from '../../session.tsx';

export function ConfirmBookingPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const holdId = query.get('hold') ?? '';
  const loaded = useLoad(`${holdId}|${lang}`, (signal) =>
    holdId ? getHold(holdId, lang, signal) : Promise.reject(new ApiError(404, 'not_found', '')));
  const [expired, setExpired] = useState<string | null>(null);
  const hold = loaded.state === 'done' ? loaded.data : loaded.state === 'loading' && loaded.previous?.id === holdId ? loaded.previous : null;
  const gone = loaded.state === 'error' && loaded.error instanceof ApiError && loaded.error.status < 500;
  const isExpired = expired === holdId || (gone && loaded.error instanceof ApiError && loaded.error.code === 'hold_expired');
  const onExpired = useCallback(() => setExpired(holdId), [holdId]);
  const { pending, settled, onPending } = usePendingRequest(holdId);
  // Nothing is shown until both answers are in: the form, the waiting state and an ended hold never flash in turn.
  const known = settled && (loaded.state !== 'loading' || hold !== null);

  const title = !known || pending?.status === 'booked' ? t('web.confirm.loading')
    : pending ? t('web.confirm.title')
      : isExpired ? t('web.hold.expired.title')
        : hold ? t('web.confirm.title')
          : gone ? t('web.hold.missing.title')
            : loaded.state === 'error' ? t('web.error.title') : t('web.confirm.loading');
  usePageTitle(title);

  if (!known || pending) {
    return (
      <div className="booking-page">
        <h1 tabIndex={-1}>{title}</h1>
        {known && pending ? <PendingRequest holdId={holdId} hold={hold} status={pending} /> : null}
      </div>
    );
  }
  return (
    <div className="booking-page">
      <h1 tabIndex={-1}>{title}</h1>
      {isExpired ? <ExpiredHold origin={hold ? originOf(hold) : holdOriginOf(holdId)} /> : null}
      {!isExpired && hold ? <HeldSlot hold={hold} onExpired={onExpired} onPending={onPending} /> : null}
      {!isExpired && !hold && gone ? (
        <>
          <p role="alert">{t('web.hold.missing.text')}</p>
          <p><Link to="/">{t('web.not_found.home')}</Link></p>
        </>
      ) : null}
      {!isExpired && !hold && loaded.state === 'error' && !gone ? <p role="alert">{t('web.error.network')}</p> : null}
    </div>
  );
}

/**
 * C9: the booking request waiting on the practice's software for this hold — the one sent from this page (202), or
 * the one GET /api/appointments/pending/:holdId finds when the page opens (null: none, the form as usual).
 */
function usePendingRequest(holdId: string) {
  const { lang } = useI18n();
  const found = useLoad(`pending|${holdId}|${lang}`, async (signal) =>
    ({ holdId, status: holdId ? await findPendingBooking(holdId, lang, signal) : null }));
  const [sent, setSent] = useState<PendingBooking['pending'] | null>(null);
  const onPending = useCallback((pending: PendingBooking['pending']) => setSent(pending), []);
  const last = found.state === 'done' ? found.data : found.state === 'loading' ? found.previous : undefined;
  const here = last?.holdId === holdId ? last : undefined;
  const pending: PendingStatus | null = sent?.holdId === holdId ? { status: 'waiting', answerBy: sent.answerBy } : here?.status ?? null;
  // An unanswered check (network) shows the form: confirming again gets the same 202 back.
  const settled = sent?.holdId === holdId || here !== undefined || found.state === 'error';
  return { pending, settled, onPending };
}

/** The request's state in place of the form (the slot's summary while the hold lasts); booked → the confirmed page. */
function PendingRequest({ holdId, hold, status }: { holdId: string; hold: HoldView | null; status: PendingStatus }) {
  const { t } = useI18n();
  const origin = hold ? originOf(hold) : holdOriginOf(holdId);
  // The waiting page is no page to come back to: the confirmed page takes its place in the history.
  const onBooked = useCallback((appointment: AppointmentView) =>
    navigate(`/rendez-vous/${encodeURIComponent(appointment.id)}/confirme`, { replace: true }), []);
  return (
    <>
      {hold && status.status !== 'booked' ? (
        <section className="booking-section hold-summary" aria-labelledby="hold-title">
          <h2 id="hold-title" className="booking-section-title">{t('web.confirm.summary')}</h2>
          <AppointmentFacts start={hold.start} practitioner={hold.practitioner} place={hold.place} reason={hold.reason} replacement={hold.replacement} />
        </section>
      ) : null}
      <PendingConfirmation key={holdId} holdId={holdId} status={status} calendar={origin ? calendarLink(origin) : '/'} onBooked={onBooked} />
    </>
  );
}

function originOf(hold: HoldView): HoldOrigin {
  return { practitionerId: hold.practitioner.id, placeId: hold.place.id, reasonId: hold.reason.id };
}

/** The practitioner's calendar where the slot was chosen (ids only in the URL). */
function calendarLink(origin: HoldOrigin): string {
  return pathWithQuery(`/praticien/${encodeURIComponent(origin.practitionerId)}`, { place: origin.placeId, reason: origin.reasonId });
}

function ExpiredHold({ origin }: { origin: HoldOrigin | null }) {
  const { t } = useI18n();
  return (
    <div className="booking-section" role="alert">
      <p>{t('web.hold.expired.text')}</p>
      <p>
        {origin ? <Link to={calendarLink(origin)} className="button button-primary">{t('web.hold.expired.back')}</Link>
          : <Link to="/">{t('web.not_found.home')}</Link>}
      </p>
    </div>
  );
}

function HeldSlot({ hold, onExpired, onPending }: {
  hold: HoldView; onExpired: () => void; onPending: (pending: PendingBooking['pending']) => void;
}) {
  const { t, locale } = useI18n();
  const session = useSession();
  const here = `/rendez-vous/confirmer?hold=${encodeURIComponent(hold.id)}`;
  const toOtherHold = useCallback((next: HoldView) => {
    // The released hold is no page to come back to; the heading takes the focus as on a new page.
    navigate(`/rendez-vous/confirmer?hold=${encodeURIComponent(next.id)}`, { replace: true });
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, []);
  const onConfirmed = useCallback(({ appointment, replaced }: ConfirmedBooking) => {
    const to = `/rendez-vous/${encodeURIComponent(appointment.id)}/confirme`;
    if (replaced) session.announce({ key: 'web.confirmed.replaced', params: { slot: appointmentWhen(replaced.start, t, locale) }, path: to });
    navigate(to);
  }, [session, t, locale]);
  const calendar = calendarLink(originOf(hold));

  return (
    <>
      <section className="booking-section hold-summary" aria-labelledby="hold-title">
        <h2 id="hold-title" className="booking-section-title">{t('web.confirm.summary')}</h2>
        <AppointmentFacts start={hold.start} practitioner={hold.practitioner} place={hold.place} reason={hold.reason} replacement={hold.replacement} />
        <HoldCountdown expiresAt={hold.expiresAt} onExpired={onExpired} />
        <p><Link to={calendar}>{t('web.confirm.change_slot')}</Link></p>
      </section>
      <EarlierVideo hold={hold} onHeld={toOtherHold} />
      {session.status === 'loading' ? null : session.account ? (
        <ConfirmForm key={hold.id} hold={hold} account={session.account} onConfirmed={onConfirmed}
          onPending={onPending} onExpired={onExpired} />
      ) : (
        <section className="booking-section auth-step" aria-labelledby="auth-title">
          <h2 id="auth-title" className="booking-section-title">{t('web.confirm.auth.title')}</h2>
          <p>{t('web.confirm.auth.text')}</p>
          <div className="auth-choices">
            <p>
              {t('web.confirm.auth.have_account')}{' '}
              <Link to={authLink('/connexion', here)} className="button button-primary">{t('web.confirm.auth.login')}</Link>
            </p>
            <p>
              {t('web.confirm.auth.new')}{' '}
              <Link to={authLink('/inscription', here)} className="button button-secondary">{t('web.confirm.auth.signup')}</Link>
            </p>
          </div>
        </section>
      )}
    </>
  );
}
