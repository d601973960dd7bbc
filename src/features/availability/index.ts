/** The availability feature's public API: other features import only from here. */
export {
  findNextFreeSlots, getAvailabilityCalendar, nextSlotsKey, LATEST_START_DAYS, NEXT_AVAILABILITY_DAYS,
  type AgendaKey, type AvailabilityCalendar, type CalendarDay, type CalendarRequest, type FreeSlot,
  type NextFreeSlots, type NextFreeSlotsOptions,
} from './service.ts';
