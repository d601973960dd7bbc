/**
 * The availability service: read the agendas (repository.ts), compute free slots (domain/), and answer
 * either one calendar (practitioner page, SPEC C1) or the next free times of many agendas at once (search, B3).
 */
import type { Db } from '../../platform/db/database.ts';
import { PractitionerNotFound } from '../practitioners/index.ts';
import { holidayAreaOf } from '../reference/index.ts';
import { listFreeSlots, type CalendarDay, type FreeSlot, type ReasonTerms } from './domain/free-slots.ts';
import { addDays, daysBetween, firstInstantAt, localDateAt, type LocalDate } from './domain/zoned-time.ts';
import {
  OnlineBookingUnavailable, PlaceOrReasonNotFound, ReasonNotBookableOnline, StartDateTooFar,
} from './errors.ts';
import { createPractitionerMemory, type PractitionerMemory } from './practitioner-memory.ts';
import { loadAgendas, type AgendaInputs, type AgendaKey, type AgendaPeriod, type BookingTargetRow } from './repository.ts';

export type { AgendaKey };
export type { CalendarDay, FreeSlot };

/** How far ahead a calendar may start, and how far past its window we look for the next free day. */
export const LATEST_START_DAYS = 365;
export const NEXT_AVAILABILITY_DAYS = 90;
/** Days read together with a calendar so that the next free day is usually found without a second round. */
const LOOKAHEAD_DAYS = 7;
/** Days read first for result lists: enough for most agendas' first few free slots. */
const FIRST_ROUND_DAYS = 3;

export interface CalendarRequest extends AgendaKey {
  /** First Paris date wanted; earlier than today (or absent) means today. */
  from?: LocalDate;
  days: number;
  now: Date;
}

export interface AvailabilityCalendar extends AgendaKey {
  from: LocalDate;
  days: number;
  calendar: CalendarDay[];
  /** First date after the window with a free slot, up to 90 days after it and never past the latest start date. */
  nextAvailableDate: LocalDate | null;
}

export interface NextFreeSlots {
  /** The first free slots within `days` days, at most `limit`. */
  slots: FreeSlot[];
  /** Start of the first free slot within 90 days, or null. */
  nextAvailability: string | null;
}

export interface NextFreeSlotsOptions {
  now: Date;
  days?: number;
  limit?: number;
  horizonDays?: number;
}

/** An agenda that can be offered online, with what the computation needs. */
interface BookableAgenda extends AgendaKey {
  reason: ReasonTerms;
  holidayArea: string;
}

/** The calendar of free slots of one practitioner, place and reason (GET /api/practitioners/:id/availability). */
export async function getAvailabilityCalendar(db: Db, request: CalendarRequest): Promise<AvailabilityCalendar> {
  const from = calendarStart(request.from, request.now);
  const latest = latestStart(request.now);
  const firstPeriod = periodOf(from, request.days + LOOKAHEAD_DAYS, request.now);
  const [inputs] = await loadAgendas(db, [request], firstPeriod);
  const agenda = bookableAgendaOf(inputs!.target);
  const firstRound = freeDaysOf(agenda, inputs!, firstPeriod, request.now);
  const calendar = firstRound.slice(0, request.days);
  let nextAvailableDate = firstFreeDate(firstRound.slice(request.days), latest);
  const laterFrom = addDays(from, request.days + LOOKAHEAD_DAYS);
  // A calendar cannot start after `latest`, so a later free day would only lead the patient to a refusal.
  const laterDays = Math.min(NEXT_AVAILABILITY_DAYS - LOOKAHEAD_DAYS, daysBetween(laterFrom, latest) + 1);
  if (nextAvailableDate === null && laterDays > 0) {
    const laterPeriod = periodOf(laterFrom, laterDays, request.now);
    const [later] = await loadAgendas(db, [agenda], laterPeriod);
    nextAvailableDate = firstFreeDate(freeDaysOf(agenda, later!, laterPeriod, request.now), latest);
  }
  const { practitionerId, placeId, reasonId } = agenda;
  return { practitionerId, placeId, reasonId, from, days: request.days, calendar, nextAvailableDate };
}

/**
 * The next free slots of many agendas at once, for search results, keyed by `nextSlotsKey(practitionerId, placeId)`.
 * Unknown or not-bookable agendas get no slots. Reading widens in rounds (the first days, then up to `days`, then up
 * to `horizonDays` for the next availability only), each round reading only the agendas still short of slots:
 * most agendas fill their few slots within days, so most pages cost one short read.
 */
export async function findNextFreeSlots(db: Db, keys: readonly AgendaKey[], options: NextFreeSlotsOptions): Promise<Map<string, NextFreeSlots>> {
  const { now, days = 14, limit = 4, horizonDays = NEXT_AVAILABILITY_DAYS } = options;
  const result = new Map<string, NextFreeSlots>(keys.map((key) => [nextSlotsKey(key.practitionerId, key.placeId), { slots: [], nextAvailability: null }]));
  const unique = [...new Map(keys.map((key) => [nextSlotsKey(key.practitionerId, key.placeId), key])).values()];
  const today = localDateAt(now.getTime());
  const rounds = [
    { from: 0, to: Math.min(FIRST_ROUND_DAYS, days) },
    { from: Math.min(FIRST_ROUND_DAYS, days), to: days },
    { from: days, to: horizonDays },
  ].filter((round) => round.to > round.from);

  type ListedAgenda = BookableAgenda & { key: string };
  /** Adds a round's slots to the results; returns the agendas the next round must read. */
  const collect = (round: { from: number; to: number }, period: AgendaPeriod, agendas: ListedAgenda[], inputs: AgendaInputs[]) =>
    agendas.filter((agenda, i) => {
      const found = result.get(agenda.key)!;
      const slots = freeDaysOf(agenda, inputs[i]!, period, now).flatMap((day) => day.slots);
      if (round.from < days) found.slots = [...found.slots, ...slots.slice(0, limit - found.slots.length)];
      found.nextAvailability ??= slots[0]?.start ?? null;
      return found.nextAvailability === null || (round.to < days && found.slots.length < limit);
    });

  const [first, ...later] = rounds;
  if (!first || !unique.length) return result;
  const firstPeriod = periodOf(today, first.to, now);
  const agendas: ListedAgenda[] = [];
  const inputs: AgendaInputs[] = [];
  (await loadAgendas(db, unique, firstPeriod)).forEach((input, i) => {
    if (!isBookable(input.target)) return;
    // Results stay keyed by the ids as the caller wrote them (rows come back in the order of `unique`).
    agendas.push({ ...toBookableAgenda(input.target), key: nextSlotsKey(unique[i]!.practitionerId, unique[i]!.placeId) });
    inputs.push(input);
  });
  let pending = collect(first, firstPeriod, agendas, inputs);
  for (const round of later) {
    if (!pending.length) break;
    const period = periodOf(addDays(today, round.from), round.to - round.from, now);
    pending = collect(round, period, pending, await loadAgendas(db, pending, period));
  }
  return result;
}

/** A slot of an agenda's grid, with the places its reason offers on it (C7). */
export interface OfferedSlot extends FreeSlot {
  capacity: number;
}

/**
 * The slot of one agenda's grid starting exactly at `start`, or null: open then (opening rules, absences, a
 * replacement for a video reason, public holidays), bookable online and not past. Who already took it is not read:
 * holding a slot leaves that to the database under the practitioner's lock (the exclusion constraint, and the count
 * of a group slot), so this reads only that Paris day's agenda, and nothing that a booking changes. Unknown or
 * not-bookable agendas throw like the calendar (a past start, or one past the latest calendar day, is simply no slot).
 */
export async function findOfferedSlotAt(
  db: Db, key: AgendaKey, start: Date, now: Date, memory?: OfferedDaysMemory,
): Promise<OfferedSlot | null> {
  // Past or beyond the calendar's reach: no slot, and no date arithmetic on year 0 or 9999.
  const ahead = start.getTime() - now.getTime();
  if (ahead <= 0 || ahead > (LATEST_START_DAYS + 2) * 86_400_000) return null;
  const date = localDateAt(start.getTime());
  if (date > latestStart(now)) return null;
  const period = periodOf(date, 1, now);
  const inputs = await agendaDayOf(db, key, period, now, memory);
  const agenda = bookableAgendaOf(inputs.target);
  const wanted = start.getTime();
  const [day] = freeDaysOf(agenda, inputs, period, now);
  const slot = day?.slots.find((candidate) => Date.parse(candidate.start) === wanted);
  return slot ? { ...slot, capacity: agenda.reason.capacity } : null;
}

/**
 * Agenda days remembered for `findOfferedSlotAt`, without their appointments (never read: a booking changes nothing
 * remembered). Forgotten when the practitioner's agenda changes, like the result lists' memory.
 */
export type OfferedDaysMemory = PractitionerMemory<AgendaInputs>;

/** A memory of agenda days for `findOfferedSlotAt`, each kept at most `ttlMs`. */
export function createOfferedDaysMemory(ttlMs: number): OfferedDaysMemory {
  return createPractitionerMemory<AgendaInputs>({ ttlMs });
}

/** One Paris day of an agenda without its appointments, remembered when `memory` is given. */
async function agendaDayOf(
  db: Db, key: AgendaKey, period: AgendaPeriod, now: Date, memory: OfferedDaysMemory | undefined,
): Promise<AgendaInputs> {
  const dayKey = `${key.placeId}:${key.reasonId}:${period.firstDate}`;
  const at = now.getTime();
  const remembered = memory?.recall(key.practitionerId, dayKey, at);
  if (remembered) return remembered;
  const mark = memory?.mark(key.practitionerId);
  const day = (await loadAgendas(db, [key], period, { occupancies: false }))[0]!;
  // An unknown or not-bookable agenda is read again each time: its refusal costs nothing to remember wrongly.
  if (memory && mark && isBookable(day.target)) memory.remember(key.practitionerId, dayKey, day, mark, at);
  return day;
}

/** The key of `findNextFreeSlots` results: one agenda per practitioner and place. */
export function nextSlotsKey(practitionerId: string, placeId: string): string {
  return `${practitionerId}:${placeId}`;
}

/** The first date of a calendar: today at the earliest, a year ahead at the latest. */
function calendarStart(requested: LocalDate | undefined, now: Date): LocalDate {
  const today = localDateAt(now.getTime());
  const latest = latestStart(now);
  if (requested !== undefined && requested > latest) throw new StartDateTooFar(latest);
  return requested !== undefined && requested > today ? requested : today;
}

/** The last Paris date a calendar may start on (LATEST_START_DAYS after today). */
function latestStart(now: Date): LocalDate {
  return addDays(localDateAt(now.getTime()), LATEST_START_DAYS);
}

/** The agenda behind a looked-up row, or the reason it cannot be shown (most basic reason first). */
function bookableAgendaOf(row: BookingTargetRow | undefined): BookableAgenda {
  if (!row?.practitionerId) throw new PractitionerNotFound();
  if (!row.placeId || !row.reasonId) throw new PlaceOrReasonNotFound();
  if (!row.onlineBooking) throw new OnlineBookingUnavailable();
  if (!row.onlineBookable) throw new ReasonNotBookableOnline();
  return toBookableAgenda(row);
}

/** Whether a looked-up row names an agenda patients may book online. */
function isBookable(row: BookingTargetRow): boolean {
  return Boolean(row.practitionerId && row.placeId && row.reasonId && row.onlineBooking && row.onlineBookable);
}

/** A row already checked by `isBookable`, as the computation wants it. */
function toBookableAgenda(row: BookingTargetRow): BookableAgenda {
  return {
    practitionerId: row.practitionerId!,
    placeId: row.placeId!,
    reasonId: row.reasonId!,
    reason: { id: row.reasonId!, durationMinutes: row.durationMinutes!, capacity: row.capacity!, video: row.video! },
    holidayArea: holidayAreaOf(row.departement ?? ''),
  };
}

/** The period of `days` Paris dates from `firstDate`; time already past cannot hold a free slot. */
function periodOf(firstDate: LocalDate, days: number, now: Date): AgendaPeriod {
  const lastDate = addDays(firstDate, days - 1);
  // Local midnights bracket every opening window of those dates.
  const from = new Date(Math.max(firstInstantAt(firstDate, 0), now.getTime()));
  const to = new Date(firstInstantAt(addDays(lastDate, 1), 0));
  return { firstDate, lastDate, from, to };
}

/** Free days of one agenda over the period read for it. */
function freeDaysOf(agenda: BookableAgenda, inputs: AgendaInputs, period: AgendaPeriod, now: Date): CalendarDay[] {
  return listFreeSlots({
    placeId: agenda.placeId,
    reason: agenda.reason,
    rules: inputs.rules,
    absences: inputs.absences,
    replacements: inputs.replacements,
    holidays: inputs.holidays.get(agenda.holidayArea) ?? [],
    occupancies: inputs.occupancies,
    firstDate: period.firstDate,
    days: daysBetween(period.firstDate, period.lastDate) + 1,
    now,
  });
}

/** The first date holding a free slot, or null; none after `latest`, where a calendar may not start. */
function firstFreeDate(days: readonly CalendarDay[], latest: LocalDate): LocalDate | null {
  return days.find((day) => day.slots.length > 0 && day.date <= latest)?.date ?? null;
}
