/**
 * One practitioner in the results: who, where, how far, which sector, and the next free times; a time is held at once
 * (C2) when the reason is known, else the practitioner's calendar opens on that day to choose the reason.
 */
import { useCallback, useState } from 'react';
import type { SearchResult, Slot } from '../api.ts';
import type { HoldView } from '../api-booking.ts';
import { formatDay, formatDistance, formatInstantDay, formatPhone, parisDate } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { Link, navigate, pathWithQuery } from '../router.tsx';
import { BookingNotice } from './BookingNotice.tsx';
import { useSlotHold } from './booking/useSlotHold.ts';
import { SlotButton } from './SlotButton.tsx';
import { useSectorLabel } from './sector.ts';

export function ResultCard({ result }: { result: SearchResult }) {
  const { t, locale } = useI18n();
  const sectorLabel = useSectorLabel();
  const [chosen, setChosen] = useState<Slot | null>(null);
  const pageLink = practitionerLink(result);
  const toConfirmation = useCallback((hold: HoldView) => navigate(`/rendez-vous/confirmer?hold=${encodeURIComponent(hold.id)}`), []);
  const slotHold = useSlotHold({ practitionerId: result.practitionerId, placeId: result.place.id, reasonId: result.reasonId ?? '' },
    toConfirmation);
  const choose = (slot: Slot) => {
    setChosen(slot);
    if (result.reasonId) slotHold.choose(slot);
    else navigate(practitionerLink(result, parisDate(new Date(slot.start))));
  };
  const headingId = `result-${result.practitionerId}-${result.place.id}`;
  return (
    <article className="result-card" aria-labelledby={headingId}>
      <div className="result-identity">
        <h2 id={headingId} className="result-name"><Link to={pageLink}>{result.name}</Link></h2>
        <p className="result-specialty">{result.specialty}</p>
        <p className="result-address">
          {result.place.name ? <>{result.place.name}<br /></> : null}
          {result.place.address}, {result.place.postalCode} {result.place.city}
        </p>
        <ul className="result-tags" aria-label={t('web.result.details')}>
          {result.distanceKm !== null ? <li>{t('web.result.distance', { distance: formatDistance(result.distanceKm, locale) })}</li> : null}
          <li>{sectorLabel(result.sector)}</li>
          {result.video ? <li>{t('web.result.video')}</li> : null}
        </ul>
      </div>
      <div className="result-availability">
        <NextAvailability result={result} pageLink={pageLink} onChoose={choose} chosen={chosen} />
        <BookingNotice state={slotHold.state} phone={result.phone} />
      </div>
    </article>
  );
}

interface NextAvailabilityProps {
  result: SearchResult;
  pageLink: string;
  chosen: Slot | null;
  onChoose: (slot: Slot) => void;
}

function NextAvailability({ result, pageLink, chosen, onChoose }: NextAvailabilityProps) {
  const { t, locale } = useI18n();
  if (!result.onlineBooking) {
    return (
      <div className="no-online">
        <p className="no-online-title">{t('web.availability.none_online')}</p>
        {result.phone ? <p>{t('web.availability.call')} <a href={`tel:${result.phone}`}>{formatPhone(result.phone)}</a></p> : null}
      </div>
    );
  }
  if (!result.nextSlots.length) {
    if (!result.nextAvailability) return <p className="no-online-title">{t('web.availability.none_soon')}</p>;
    const day = parisDate(new Date(result.nextAvailability));
    return (
      <p>
        <Link to={practitionerLink(result, day)} className="button button-secondary">
          {t('web.availability.next_on', { day: formatDay(day, locale) })}
        </Link>
      </p>
    );
  }
  const days = slotsByDay(result.nextSlots, locale);
  return (
    <div className="next-slots">
      <p className="next-slots-title">{t('web.result.next_slots')}</p>
      {days.map(({ day, slots }) => (
        <div key={day} className="next-slots-day">
          <p className="next-slots-date">{day}</p>
          <ul className="slot-list">
            {slots.map((slot) => (
              <li key={slot.start}><SlotButton slot={slot} onChoose={onChoose} pressed={chosen?.start === slot.start} /></li>
            ))}
          </ul>
        </div>
      ))}
      <p><Link to={pageLink} className="more-link">{t('web.result.see_calendar')}</Link></p>
    </div>
  );
}

/** The practitioner's page with this result's place and reason chosen (ids only: no health data in URLs). */
function practitionerLink(result: SearchResult, from?: string): string {
  return pathWithQuery(`/praticien/${encodeURIComponent(result.practitionerId)}`, {
    place: result.place.id, reason: result.reasonId ?? undefined, from,
  });
}

/** Slots grouped under their Paris day label, in order. */
function slotsByDay(slots: Slot[], locale: string): { day: string; slots: Slot[] }[] {
  const days: { day: string; slots: Slot[] }[] = [];
  for (const slot of slots) {
    const day = formatInstantDay(slot.start, locale);
    const last = days[days.length - 1];
    if (last?.day === day) last.slots.push(slot);
    else days.push({ day, slots: [slot] });
  }
  return days;
}

