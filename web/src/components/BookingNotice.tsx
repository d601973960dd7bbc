/** Shown when a slot is chosen: online booking arrives with the next version, nothing was booked. */
import type { Slot } from '../api.ts';
import { formatPhone } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { slotName } from './SlotButton.tsx';

interface BookingNoticeProps {
  slot: Slot | null;
  phone: string | null;
}

export function BookingNotice({ slot, phone }: BookingNoticeProps) {
  const { t, locale } = useI18n();
  return (
    <div className={slot ? 'booking-notice' : 'booking-notice is-empty'} role="status">
      {slot ? (
        <>
          <p className="booking-notice-title">{t('web.booking.chosen', { slot: slotName(slot, t, locale) })}</p>
          <p>{t('web.booking.coming_next')}</p>
          {phone ? (
            <p>
              {t('web.booking.call_now')} <a href={`tel:${phone}`}>{formatPhone(phone)}</a>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
