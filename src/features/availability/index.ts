/** The availability feature's public API: other features import only from here. */
export {
  createOfferedDaysMemory, findOfferedSlotAt, findNextFreeSlots, getAvailabilityCalendar, nextSlotsKey, LATEST_START_DAYS, NEXT_AVAILABILITY_DAYS,
  type AgendaKey, type AvailabilityCalendar, type CalendarDay, type CalendarRequest, type FreeSlot,
  type NextFreeSlots, type NextFreeSlotsOptions, type OfferedDaysMemory, type OfferedSlot,
} from './service.ts';
export { createNextSlotsCache, type NextSlotsCache } from './next-slots-cache.ts';
export {
  announceAgendaChange, createAgendaChanges, forgetOnAgendaChange, onAgendaChange, type AgendaChangeSource, type AgendaListener,
} from './agenda-changes.ts';
export {
  AGENDA_CHANGES_CHANNEL, agendaChangesSubscription, notifyAgendaChange,
} from './agenda-change-listener.ts';
/** The pure computation, for agendas read by other features (the practice's own week view). */
export {
  listFreeSlots, openingWindowsOn, type InstantRange, type Occupancy, type OpeningRule, type ReasonTerms,
} from './domain/free-slots.ts';
export { keepContained, normalize, subtract, type Interval } from './domain/intervals.ts';
/** Paris calendar dates and wall-clock times ⇄ UTC instants, DST-aware (see domain/zoned-time.ts). */
export {
  addDays, daysBetween, firstInstantAt, isLocalDate, isoWeekday, lastInstantAt, localDateAt, offsetAt, secondsOfTime, PARIS,
  type LocalDate,
} from './domain/zoned-time.ts';
