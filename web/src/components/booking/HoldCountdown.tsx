/**
 * The 15 minutes of a hold (C2), visible and ticking; screen readers hear it only twice, politely, at 5 and at 1
 * minute left (a live region ticking every second would drown everything else). At zero, `onExpired`.
 */
import { useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../../../src/platform/i18n/web-catalogue.ts';
import { useI18n } from '../../i18n.tsx';
import { formatWait, useCountdown } from '../account/useCountdown.ts';

interface HoldCountdownProps {
  expiresAt: string;
  onExpired: () => void;
}

/** Seconds left at which the remaining time is announced. */
const announcements: readonly { at: number; key: MessageKey }[] = [
  { at: 60, key: 'web.hold.announce.one' },
  { at: 300, key: 'web.hold.announce.five' },
];

export function HoldCountdown({ expiresAt, onExpired }: HoldCountdownProps) {
  const { t } = useI18n();
  const left = useCountdown(expiresAt);
  const previous = useRef(left);
  const [announced, setAnnounced] = useState<MessageKey | null>(null);

  useEffect(() => {
    const crossed = announcements.find(({ at }) => previous.current > at && left <= at && left > 0);
    if (crossed) setAnnounced(crossed.key);
    previous.current = left;
    if (left === 0) onExpired();
  }, [left, onExpired]);

  return (
    <div className={left <= 60 ? 'hold-countdown is-urgent' : 'hold-countdown'}>
      <p>{t('web.hold.countdown', { time: formatWait(left) })}</p>
      <p role="status" className="sr-only">{announced ? t(announced) : ''}</p>
    </div>
  );
}
