/**
 * The availability service: read the agendas (repository.ts), compute free slots (domain/), and answer
 * either one calendar (practitioner page, SPEC C1) or the next free times of many agendas at once (search, B3).
 */
import type { Db } from '../../platform/db/database.ts';
import { holidayAreaOf } from '../reference/index.ts';
import { listFreeSlots, type CalendarDay, type FreeSlot, type ReasonTerms } from './domain/free-slots.ts';
import { addDays, daysBetween, firstInstantAt, localDateAt, type LocalDate } from './domain/zoned-time.ts';
import {
  OnlineBookingUnavailable, PlaceOrReasonNotFound, PractitionerNotFound, ReasonNotBookableOnline, StartDateTooFar,
} from './errors.ts';
import { loadAgendas, type AgendaInputs, type AgendaKey, type AgendaPeriod, type BookingTargetRow } from './repository.ts';

export type { AgendaKey };
export type { CalendarDay, FreeSlot };

/** How far ahead a calendar may start, and how far past its window we look for the next free day. */
export const LATEST_START_DAYS = 365;
export const NEXT_AVAILABILITY_DAYS = 90;
/** Days read together with a calendar so that the next free day is usually found without a second round. */
const LOOKAHEAD_DAYS = 7;

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
  /** First date after the window with a free slot, up to 90 days after it. */
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
  const firstPeriod = periodOf(from, request.days + LOOKAHEAD_DAYS, request.now);
  const [inputs] = await loadAgendas(db, [request], firstPeriod);
  const agenda = bookableAgendaOf(inputs!.target);
  const firstRound = freeDaysOf(agenda, inputs!, firstPeriod, request.now);
  const calendar = firstRound.slice(0, request.days);
  let nextAvailableDate = firstFreeDate(firstRound.slice(request.days));
  if (nextAvailableDate === null) {
    const laterPeriod = periodOf(addDays(from, request.days + LOOKAHEAD_DAYS), NEXT_AVAILABILITY_DAYS - LOOKAHEAD_DAYS, request.now);
    const [later] = await loadAgendas(db, [agenda], laterPeriod);
    nextAvailableDate = firstFreeDate(freeDaysOf(agenda, later!, laterPeriod, request.now));
  }
  const { practitionerId, placeId, reasonId } = agenda;
  return { practitionerId, placeId, reasonId, from, days: request.days, calendar, nextAvailableDate };
}

/**
 * The next free slots of many agendas at once, for search results, keyed by `nextSlotsKey(practitionerId, placeId)`.
 * Unknown or not-bookable agendas get no slots. Only agendas with nothing in `days` days are read further, up to 90.
 */
export async function findNextFreeSlots(db: Db, keys: readonly AgendaKey[], options: NextFreeSlotsOptions): Promise<Map<string, NextFreeSlots>> {
  const { now, days = 14, limit = 4, horizonDays = NEXT_AVAILABILITY_DAYS } = options;
  const result = new Map<string, NextFreeSlots>(keys.map((key) => [nextSlotsKey(key.practitionerId, key.placeId), { slots: [], nextAvailability: null }]));
  const unique = [...new Map(keys.map((key) => [nextSlotsKey(key.practitionerId, key.placeId), key])).values()];
  const today = localDateAt(now.getTime());

  const soonPeriod = periodOf(today, days, now);
  const soon = await loadAgendas(db, unique, soonPeriod);
  const waiting: (BookableAgenda & { key: string })[] = [];
  soon.forEach((inputs, i) => {
    if (!isBookable(inputs.target)) return;
    // Results stay keyed by the ids as the caller wrote them (rows come back in the order of `unique`).
    const agenda = { ...toBookableAgenda(inputs.target), key: nextSlotsKey(unique[i]!.practitionerId, unique[i]!.placeId) };
    const slots = freeDaysOf(agenda, inputs, soonPeriod, now).flatMap((day) => day.slots);
    if (slots.length) result.set(agenda.key, { slots: slots.slice(0, limit), nextAvailability: slots[0]!.start });
    else waiting.push(agenda);
  });
  if (!waiting.length || horizonDays <= days) return result;
  const laterPeriod = periodOf(addDays(today, days), horizonDays - days, now);
  const later = await loadAgendas(db, waiting, laterPeriod);
  waiting.forEach((agenda, i) => {
    const first = freeDaysOf(agenda, later[i]!, laterPeriod, now).find((day) => day.slots.length)?.slots[0];
    if (first) result.set(agenda.key, { slots: [], nextAvailability: first.start });
  });
  return result;
}

/** The key of `findNextFreeSlots` results: one agenda per practitioner and place. */
export function nextSlotsKey(practitionerId: string, placeId: string): string {
  return `${practitionerId}:${placeId}`;
}

/** The first date of a calendar: today at the earliest, a year ahead at the latest. */
function calendarStart(requested: LocalDate | undefined, now: Date): LocalDate {
  const today = localDateAt(now.getTime());
  const latest = addDays(today, LATEST_START_DAYS);
  if (requested !== undefined && requested > latest) throw new StartDateTooFar(latest);
  return requested !== undefined && requested > today ? requested : today;
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

/** The first date holding a free slot, or null. */
function firstFreeDate(days: readonly CalendarDay[]): LocalDate | null {
  return days.find((day) => day.slots.length > 0)?.date ?? null;
}
