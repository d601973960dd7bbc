/** Seconds left until an instant, ticking every second until it is reached. */
import { useEffect, useState } from 'react';

function secondsUntil(instant: string): number {
  const left = Math.ceil((new Date(instant).getTime() - Date.now()) / 1000);
  return Number.isFinite(left) && left > 0 ? left : 0;
}

export function useCountdown(until: string): number {
  const [left, setLeft] = useState(() => secondsUntil(until));
  useEffect(() => {
    setLeft(secondsUntil(until));
    const timer = window.setInterval(() => {
      const next = secondsUntil(until);
      setLeft(next);
      if (next === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return left;
}

/** « 1 min 05 s », « 42 s ». */
export function formatWait(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes > 0 ? `${minutes} min ${String(rest).padStart(2, '0')} s` : `${rest} s`;
}
