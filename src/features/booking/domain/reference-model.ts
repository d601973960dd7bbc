/**
 * A reference model of one practitioner's agenda, for the property-based test (issue 4, C8): slots with a capacity,
 * holds that expire, bookings by patient. The real system is driven with the same random steps and compared with
 * this after every step. It is written to be obviously correct, not fast, and on purpose shares no code with the
 * booking domain it checks (capacity, hold ownership and the 4-hour rule are restated here in one line each).
 *
 * Semantics, each one deliberate:
 * - every operation first forgets holds expired at its `now` (the service purges them inside its transaction);
 * - a slot takes a new entry when no live entry sits on another slot overlapping it and fewer than `capacity`
 *   entries sit on it (overlapping slots of one practitioner are never both occupied, a group slot shares itself);
 * - a hold taken before login (no account) is confirmed by the first account presenting its token, which then owns it;
 *   confirming a booking again by its owner is answered « ok » (idempotent);
 * - cancel and move need strictly more than 4 hours before the booked start; releasing a hold is always allowed to
 *   its account (a hold taken before login is not released, it expires);
 * - move is one step: the booking leaves its slot and takes the new one, and does not block itself;
 * - the model does not refuse one patient twice in the same group slot; the property test must not generate it.
 * Pure and immutable: operations return a new model with the outcome.
 */

export interface ModelSlot {
  id: string;
  start: Date;
  end: Date;
  capacity: number;
}

export interface ModelEntry {
  id: string;
  slotId: string;
  patientId: string;
  accountId: string | null;
  token: string | null;
  status: 'held' | 'booked';
  holdExpiresAt: number | null; // epoch ms while held
}

export interface AgendaModel {
  slots: readonly ModelSlot[];
  entries: readonly ModelEntry[];
  holdMs: number;
  issued: number;
}

export type ModelStep<R> = { model: AgendaModel; result: R };

const FOUR_HOURS_MS = 4 * 3_600_000;

/** An empty agenda offering `slots`; holds last `holdMinutes`. */
export function createAgendaModel(slots: readonly ModelSlot[], holdMinutes = 15): AgendaModel {
  return { slots: [...slots], entries: [], holdMs: holdMinutes * 60_000, issued: 0 };
}

/** Forgets holds whose expiry is at or before `now`. */
export function expireHolds(model: AgendaModel, now: Date): AgendaModel {
  const live = model.entries.filter((entry) => entry.holdExpiresAt === null || entry.holdExpiresAt > now.getTime());
  return { ...model, entries: live };
}

/** Holds `slotId` for `patientId`; `accountId` null means before login, confirmed later with `token`. */
export function holdSlot(
  model: AgendaModel,
  request: { slotId: string; patientId: string; accountId: string | null; token?: string; now: Date },
): ModelStep<{ ok: true; entryId: string } | { ok: false; error: 'unknown_slot' | 'slot_taken' }> {
  const current = expireHolds(model, request.now);
  const slot = current.slots.find((candidate) => candidate.id === request.slotId);
  if (!slot) return { model: current, result: { ok: false, error: 'unknown_slot' } };
  if (!hasRoom(current, slot, null)) return { model: current, result: { ok: false, error: 'slot_taken' } };
  const entry: ModelEntry = {
    id: `e${current.issued + 1}`,
    slotId: slot.id,
    patientId: request.patientId,
    accountId: request.accountId,
    token: request.token ?? null,
    status: 'held',
    holdExpiresAt: request.now.getTime() + current.holdMs,
  };
  return { model: { ...current, entries: [...current.entries, entry], issued: current.issued + 1 }, result: { ok: true, entryId: entry.id } };
}

/** Confirms a hold into a booking. */
export function confirmHold(
  model: AgendaModel,
  request: { entryId: string; accountId: string; token?: string; now: Date },
): ModelStep<'ok' | 'expired' | 'not_yours' | 'unknown'> {
  const entry = model.entries.find((candidate) => candidate.id === request.entryId);
  const current = expireHolds(model, request.now);
  if (!entry) return { model: current, result: 'unknown' };
  const owned = entry.accountId === null ? entry.token !== null && entry.token === request.token : entry.accountId === request.accountId;
  if (!owned) return { model: current, result: 'not_yours' };
  if (entry.status === 'booked') return { model: current, result: 'ok' };
  if (!current.entries.includes(entry)) return { model: current, result: 'expired' };
  const booked: ModelEntry = { ...entry, status: 'booked', accountId: request.accountId, holdExpiresAt: null };
  return { model: replaceEntry(current, booked), result: 'ok' };
}

/** Cancels a booking (more than 4 hours ahead) or releases a hold. */
export function cancelEntry(
  model: AgendaModel,
  request: { entryId: string; accountId: string; now: Date },
): ModelStep<'ok' | 'not_yours' | 'unknown' | 'phone_only'> {
  const current = expireHolds(model, request.now);
  const entry = current.entries.find((candidate) => candidate.id === request.entryId);
  if (!entry) return { model: current, result: 'unknown' };
  if (entry.accountId !== request.accountId) return { model: current, result: 'not_yours' };
  if (entry.status === 'booked' && !moreThanFourHoursAhead(current, entry.slotId, request.now)) {
    return { model: current, result: 'phone_only' };
  }
  return { model: { ...current, entries: current.entries.filter((other) => other !== entry) }, result: 'ok' };
}

/** Moves a booking to another slot in one step (more than 4 hours ahead of the booked start). */
export function moveBooking(
  model: AgendaModel,
  request: { entryId: string; accountId: string; slotId: string; now: Date },
): ModelStep<'ok' | 'not_yours' | 'unknown' | 'unknown_slot' | 'slot_taken' | 'phone_only'> {
  const current = expireHolds(model, request.now);
  const entry = current.entries.find((candidate) => candidate.id === request.entryId && candidate.status === 'booked');
  if (!entry) return { model: current, result: 'unknown' };
  if (entry.accountId !== request.accountId) return { model: current, result: 'not_yours' };
  if (!moreThanFourHoursAhead(current, entry.slotId, request.now)) return { model: current, result: 'phone_only' };
  const target = current.slots.find((candidate) => candidate.id === request.slotId);
  if (!target) return { model: current, result: 'unknown_slot' };
  if (!hasRoom(current, target, entry.id)) return { model: current, result: 'slot_taken' };
  return { model: replaceEntry(current, { ...entry, slotId: target.id }), result: 'ok' };
}

/** The live bookings (not holds), as the API's « Mes rendez-vous » should show them, in issue order. */
export function bookingsOf(model: AgendaModel): Array<{ entryId: string; slotId: string; patientId: string }> {
  return model.entries
    .filter((entry) => entry.status === 'booked')
    .map((entry) => ({ entryId: entry.id, slotId: entry.slotId, patientId: entry.patientId }));
}

/** The invariant C8: true when two entries sit on overlapping different slots, or a slot has more than its capacity. */
export function overlapsBeyondCapacity(model: AgendaModel): boolean {
  return model.slots.some((slot) => {
    const onSlot = model.entries.filter((entry) => entry.slotId === slot.id).length;
    const onOverlapping = model.entries.filter((entry) => entry.slotId !== slot.id && overlaps(slotOf(model, entry.slotId), slot)).length;
    return onSlot > slot.capacity || (onSlot > 0 && onOverlapping > 0);
  });
}

/** Whether `slot` can take one more entry, not counting `ignoredEntryId` (a booking being moved). */
function hasRoom(model: AgendaModel, slot: ModelSlot, ignoredEntryId: string | null): boolean {
  const others = model.entries.filter((entry) => entry.id !== ignoredEntryId);
  const onSlot = others.filter((entry) => entry.slotId === slot.id).length;
  const blocked = others.some((entry) => entry.slotId !== slot.id && overlaps(slotOf(model, entry.slotId), slot));
  return !blocked && onSlot < slot.capacity;
}

function moreThanFourHoursAhead(model: AgendaModel, slotId: string, now: Date): boolean {
  return slotOf(model, slotId).start.getTime() - now.getTime() > FOUR_HOURS_MS;
}

function overlaps(a: ModelSlot, b: ModelSlot): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

function slotOf(model: AgendaModel, slotId: string): ModelSlot {
  const slot = model.slots.find((candidate) => candidate.id === slotId);
  if (!slot) throw new Error(`the model lost slot ${slotId}`);
  return slot;
}

function replaceEntry(model: AgendaModel, entry: ModelEntry): AgendaModel {
  return { ...model, entries: model.entries.map((other) => (other.id === entry.id ? entry : other)) };
}
