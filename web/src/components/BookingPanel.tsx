/**
 * « Prendre rendez-vous »: choose the place (if several), the reason, then a slot in the calendar (C1, B7); the slot
 * is held (C2) and the patient goes on to /rendez-vous/confirmer.
 */
import { useCallback, useState } from 'react';
import type { Practitioner, PractitionerPlace, VisitReason } from '../api.ts';
import type { HoldView } from '../api-booking.ts';
import { formatMoney, formatPhone } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { navigate } from '../router.tsx';
import { BookingNotice } from './BookingNotice.tsx';
import { Calendar } from './Calendar.tsx';
import { useSlotHold } from './booking/useSlotHold.ts';

interface BookingPanelProps {
  practitioner: Practitioner;
  query: URLSearchParams;
}

export function BookingPanel({ practitioner, query }: BookingPanelProps) {
  const { t } = useI18n();
  const places = practitioner.places.filter((place) => practitioner.reasons.some((r) => r.placeIds.includes(place.id)));
  const [placeId, setPlaceId] = useState(() => initialPlace(places, query.get('place')));
  const reasons = practitioner.reasons.filter((reason) => reason.placeIds.includes(placeId));
  const [reasonId, setReasonId] = useState(() => initialReason(reasons, query.get('reason')));
  const reason = reasons.find((r) => r.id === reasonId);
  const place = places.find((p) => p.id === placeId);
  const phone = place?.phone ?? practitioner.phone ?? practitioner.places[0]?.phone ?? null;
  const toConfirmation = useCallback((hold: HoldView) => navigate(`/rendez-vous/confirmer?hold=${encodeURIComponent(hold.id)}`), []);
  const slotHold = useSlotHold({ practitionerId: practitioner.id, placeId, reasonId }, toConfirmation);

  if (!practitioner.onlineBooking || !places.length) {
    return (
      <div className="no-online">
        <p className="no-online-title">{t('web.availability.none_online')}</p>
        {phone ? <p>{t('web.availability.call')} <a href={`tel:${phone}`}>{formatPhone(phone)}</a></p> : null}
      </div>
    );
  }

  const choosePlace = (id: string) => {
    setPlaceId(id);
    const stillOffered = practitioner.reasons.some((r) => r.id === reasonId && r.placeIds.includes(id));
    if (!stillOffered) setReasonId(initialReason(practitioner.reasons.filter((r) => r.placeIds.includes(id)), null));
  };

  return (
    <div className="booking-steps">
      {places.length > 1 ? (
        <fieldset className="booking-step">
          <legend className="field-label">{t('web.booking.place')}</legend>
          {places.map((p) => (
            <div key={p.id} className="radio">
              <input type="radio" id={`place-${p.id}`} name="place" value={p.id} checked={p.id === placeId}
                onChange={() => choosePlace(p.id)} />
              <label htmlFor={`place-${p.id}`}>{placeText(p)}</label>
            </div>
          ))}
        </fieldset>
      ) : place ? (
        <p className="booking-step"><span className="field-label">{t('web.booking.place')}</span> {placeText(place)}</p>
      ) : null}
      <div className="booking-step">
        <label htmlFor="booking-reason" className="field-label">{t('web.booking.reason')}</label>
        <select id="booking-reason" value={reasonId} onChange={(event) => setReasonId(event.target.value)}>
          <option value="">{t('web.booking.reason.choose')}</option>
          {reasons.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
        {reason ? <ReasonFacts reason={reason} /> : null}
      </div>
      {reason && place ? (
        <div className="booking-step">
          <h3 className="booking-step-title">{t('web.booking.slot')}</h3>
          <Calendar key={`${place.id}-${reason.id}`} practitionerId={practitioner.id} placeId={place.id}
            reasonId={reason.id} initialFrom={query.get('from') ?? undefined} onChoose={slotHold.choose}
            refreshKey={slotHold.refreshKey} notice={<BookingNotice state={slotHold.state} phone={phone} />} />
        </div>
      ) : (
        <p className="booking-hint">{t('web.booking.choose_reason_first')}</p>
      )}
    </div>
  );
}

/** Duration, price and conditions of the chosen reason. */
function ReasonFacts({ reason }: { reason: VisitReason }) {
  const { t, locale } = useI18n();
  return (
    <ul className="reason-facts">
      <li>{t('web.reason.duration', { minutes: reason.durationMinutes })}</li>
      <li>{formatMoney(reason.priceCents, locale)}</li>
      {reason.video ? <li>{t('web.result.video')}</li> : null}
      {!reason.newPatients ? <li>{t('web.reason.known_patients')}</li> : null}
      {reason.minAgeYears !== null ? <li>{t('web.reason.min_age', { age: reason.minAgeYears })}</li> : null}
      {reason.maxAgeYears !== null ? <li>{t('web.reason.max_age', { age: reason.maxAgeYears })}</li> : null}
      {reason.referralRequired ? <li>{t('web.reason.referral')}</li> : null}
    </ul>
  );
}

function placeText(place: PractitionerPlace): string {
  const address = `${place.address}, ${place.postalCode} ${place.city}`;
  return place.name ? `${place.name} — ${address}` : address;
}

/** The place asked for in the URL when it offers reasons, else the first one that does. */
function initialPlace(places: PractitionerPlace[], wanted: string | null): string {
  return places.find((p) => p.id === wanted)?.id ?? places[0]?.id ?? '';
}

/** The reason asked for in the URL, else the only one; with several, the patient chooses. */
function initialReason(reasons: VisitReason[], wanted: string | null): string {
  const found = reasons.find((r) => r.id === wanted);
  if (found) return found.id;
  return reasons.length === 1 && reasons[0] ? reasons[0].id : '';
}
