/**
 * The notifications feature's public API: booking writes intents with enqueueAppointmentNotification (inside its
 * transaction), main.ts starts the workers (processes of their own), operators and the development mailbox read the
 * outbox.
 */
export {
  enqueueAppointmentNotification, intentsForNewBooking, type AppointmentEvent, type AppointmentNotification, type NewBookingIntents,
} from './enqueue.ts';
export { startNotificationWorker, type NotificationWorker, type NotificationWorkerOptions } from './worker.ts';
export {
  notificationWorkerEntry, startNotificationProcesses, startNotificationSending, type NotificationProcessesOptions,
} from './sending.ts';
export { defaultRetryPolicy, type RetryPolicy } from './retry-policy.ts';
export { senderAddress } from './compose.ts';
export {
  listFailedNotifications, listScheduledNotifications, retryFailedNotifications, type OutboxEntry,
} from './operators.ts';
