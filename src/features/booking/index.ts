/** The booking feature's public API: other features import only from here. */
export { bookingRoutes } from './routes.ts';
export { holdSlot, readOwnHold, releaseHold, type HoldCaller, type HoldRequest, type TakenHold } from './holds.ts';
export { inPractitionerTransaction } from './transaction.ts';
export { loadAppointmentViews, loadHoldView, type AppointmentView, type HoldView } from './views.ts';
export { SlotTaken, HoldExpired, HoldNotYours, ConfirmationExpired, ConfirmationNotFound } from './errors.ts';
export { expiredHoldsJob, purgeExpiredHolds } from './expired-holds-job.ts';
export { confirmAppointment, type Confirmation, type ConfirmationRequest, type PendingAnswer } from './confirm-appointment/index.ts';
/** C9: the practice's own software answers the booking requests put to it (the practice-side API). */
export {
  answerConfirmation, listWaitingConfirmations, type PracticeAnswer, type WaitingConfirmation,
} from './pending-confirmations.ts';
export { appointmentLinks, type AppointmentLinks } from './appointment-links.ts';
/** For the practice's own agenda writes (desk bookings, moves): the same purge, group slots and identity match. */
export { deleteExpiredHolds, findSessionGroup } from './repository.ts';
export { slotGroupFor, fitsCapacity } from './domain/capacity.ts';
export { sameIdentity, NO_SHOWS_BEFORE_BLOCK, type PersonIdentity } from './domain/rules.ts';
/** D5 after an unblock (J4): the one condition saying which no-shows count toward the block. */
export { countsTowardBlock, forgivenAtOf } from './no-show-count.ts';
