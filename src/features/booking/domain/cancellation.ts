/**
 * Cancelling and deleting appointments (SPEC D3, D6): online only strictly more than 4 hours before the start;
 * under that the patient phones the practice; a started appointment is past and is never deleted.
 */

export const CANCEL_DEADLINE_HOURS = 4;
const CANCEL_DEADLINE_MS = CANCEL_DEADLINE_HOURS * 3_600_000;

export type CancellationPolicy = 'online' | 'phone_only' | 'past';

/** How the patient may cancel (or move) an appointment starting at `start`: exactly 4 hours before is already by phone. */
export function cancellationPolicy(start: Date, now: Date): CancellationPolicy {
  const ahead = start.getTime() - now.getTime();
  if (ahead <= 0) return 'past';
  return ahead > CANCEL_DEADLINE_MS ? 'online' : 'phone_only';
}

/** The last instant an online cancellation is accepted is just before this one. */
export function onlineCancellationDeadline(start: Date): Date {
  return new Date(start.getTime() - CANCEL_DEADLINE_MS);
}

/** Whether a cancellation made at `cancelledAt` is late (D3): it counts like a no-show warning, not as a no-show. */
export function isLateCancellation(start: Date, cancelledAt: Date): boolean {
  return cancellationPolicy(start, cancelledAt) !== 'online';
}

/** A patient may remove an appointment from the list only before it starts; past ones are shared data (D6). */
export function canDeleteAppointment(start: Date, now: Date): boolean {
  return now.getTime() < start.getTime();
}
