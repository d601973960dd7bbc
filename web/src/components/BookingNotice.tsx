/**
 * What happens to the chosen slot: « Réservation du créneau… » while it is being held, else why it could not be
 * (taken meanwhile…), with the practice's phone. The focus moves to a refusal, whose slot may have left the calendar.
 */
import { useEffect, useRef } from 'react';
import { formatPhone } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import type { SlotHoldState } from './booking/useSlotHold.ts';
import { slotName } from './SlotButton.tsx';

interface BookingNoticeProps {
  state: SlotHoldState;
  phone: string | null;
}

export function BookingNotice({ state, phone }: BookingNoticeProps) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.kind === 'refused') ref.current?.focus();
  }, [state]);

  return (
    <div ref={ref} tabIndex={-1} className={state.kind === 'idle' ? 'booking-notice is-empty' : 'booking-notice'} role="status">
      {state.kind === 'holding' ? <p>{t('web.hold.holding', { slot: slotName(state.slot, t, locale) })}</p> : null}
      {state.kind === 'refused' ? (
        <>
          <p className="error-message">{state.message}</p>
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
