/** One free time as a button; its accessible name says the day and time (« lundi 2 mars à 08:30 »). */
import type { Slot } from '../api.ts';
import { formatInstantDay, formatTime } from '../format.ts';
import { useI18n } from '../i18n.tsx';

interface SlotButtonProps {
  slot: Slot;
  onChoose: (slot: Slot) => void;
  pressed?: boolean;
}

export function SlotButton({ slot, onChoose, pressed = false }: SlotButtonProps) {
  const { t, locale } = useI18n();
  const name = slotName(slot, t, locale);
  return (
    <button
      type="button"
      className={slot.replacement ? 'slot is-replacement' : 'slot'}
      aria-label={name}
      aria-pressed={pressed}
      onClick={() => onChoose(slot)}
    >
      {slot.replacement ? <span className="replacement-dot" aria-hidden="true" /> : null}
      {formatTime(slot.start, locale)}
    </button>
  );
}

/** « lundi 2 mars à 08:30 » (with « remplaçant » when a replacement gives the slot). */
export function slotName(slot: Slot, t: ReturnType<typeof useI18n>['t'], locale: string): string {
  const name = t('web.slot.name', { day: formatInstantDay(slot.start, locale), time: formatTime(slot.start, locale) });
  return slot.replacement ? t('web.slot.name_replacement', { name }) : name;
}

/** Explains the blue dot next to the slots that a replacement gives. */
export function ReplacementLegend() {
  const { t } = useI18n();
  return (
    <p className="replacement-legend">
      <span className="replacement-dot" aria-hidden="true" />
      {t('web.slot.replacement_legend')}
    </p>
  );
}
