/**
 * C10: when the practitioner offers an earlier video consultation than the held slot, the earliest one is proposed;
 * choosing it holds that slot instead (a new hold with the practitioner releases the previous one).
 */
import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { holdSlot, type HoldView } from '../../api-booking.ts';
import { formatInstantDay, formatTime } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

interface EarlierVideoProps {
  hold: HoldView;
  onHeld: (hold: HoldView) => void;
}

export function EarlierVideo({ hold, onHeld }: EarlierVideoProps) {
  const { t, lang, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = hold.earlierVideo;
  if (!video) return null;
  const slot = t('web.slot.name', { day: formatInstantDay(video.start, locale), time: formatTime(video.start, locale) });

  const choose = async () => {
    setBusy(true);
    setError(null);
    try {
      onHeld(await holdSlot({ practitionerId: hold.practitioner.id, placeId: video.placeId, reasonId: video.reasonId, start: video.start }, lang));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : t('web.error.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="booking-section earlier-video" aria-labelledby="earlier-video-title">
      <h2 id="earlier-video-title" className="booking-section-title">{t('web.confirm.earlier_video.title')}</h2>
      <p>{t('web.confirm.earlier_video.text', { slot })}</p>
      <button type="button" className="button button-secondary" disabled={busy} onClick={() => void choose()}>
        {t('web.confirm.earlier_video.choose', { slot })}
      </button>
      <div role="alert">{error ? <p className="error-message">{error}</p> : null}</div>
    </section>
  );
}
