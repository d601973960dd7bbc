/** The notifications feature's public API: booking writes intents with the first, main.ts starts the worker. */
export { enqueueAppointmentNotification, type AppointmentEvent, type AppointmentNotification } from './enqueue.ts';
