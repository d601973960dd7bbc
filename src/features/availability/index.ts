/** The availability feature's public API: other features import only from here. */
export {
  findFreeSlotAt, findNextFreeSlots, getAvailabilityCalendar, nextSlotsKey, LATEST_START_DAYS, NEXT_AVAILABILITY_DAYS,
  type AgendaKey, type AvailabilityCalendar, type CalendarDay, type CalendarRequest, type FreeSlot,
  type NextFreeSlots, type NextFreeSlotsOptions,
} from './service.ts';
export { createNextSlotsCache, type NextSlotsCache } from './next-slots-cache.ts';
/** Paris calendar dates and wall-clock times ⇄ UTC instants, DST-aware (see domain/zoned-time.ts). */
export {
  addDays, daysBetween, firstInstantAt, isLocalDate, isoWeekday, lastInstantAt, localDateAt, secondsOfTime, PARIS,
  type LocalDate,
} from './domain/zoned-time.ts';
