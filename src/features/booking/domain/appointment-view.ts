/**
 * « Mes rendez-vous » (SPEC D1): upcoming appointments soonest first, past ones most recent first. An appointment
 * stays upcoming until it ends, so one in progress (a video call about to be joined) is not yet history.
 * Which statuses are listed (cancelled ones included or not) is the service's choice; this only splits by time.
 */

export interface TimedAppointment {
  start: Date;
  end: Date;
}

/** Upcoming (not yet ended at `now`) soonest first, past most recent first; ties keep their input order. */
export function splitUpcomingAndPast<T extends TimedAppointment>(appointments: readonly T[], now: Date): { upcoming: T[]; past: T[] } {
  const upcoming = appointments.filter((appointment) => isUpcoming(appointment, now));
  const past = appointments.filter((appointment) => !isUpcoming(appointment, now));
  return { upcoming: upcoming.sort(soonestFirst), past: past.sort(mostRecentFirst) };
}

/** An appointment is upcoming strictly before its end. */
export function isUpcoming(appointment: TimedAppointment, now: Date): boolean {
  return now.getTime() < appointment.end.getTime();
}

export function soonestFirst(a: TimedAppointment, b: TimedAppointment): number {
  return a.start.getTime() - b.start.getTime();
}

export function mostRecentFirst(a: TimedAppointment, b: TimedAppointment): number {
  return b.start.getTime() - a.start.getTime();
}
