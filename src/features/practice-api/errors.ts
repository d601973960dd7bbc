/** Refusals of the practice-side API (docs/api-booking.md « Practice side »), mapped to HTTP once by the app. */
import { AppError } from '../../platform/errors.ts';

/** No token, an unknown one, or a revoked one (401): the API says nothing more. */
export class PracticeTokenRequired extends AppError {
  constructor() {
    super('unauthorized', 'practice.error.token_required', {}, { code: 'practice_token_required' });
  }
}

/** Another practitioner's appointment or patient, or none (404, nothing revealed). */
export class NotThisPracticesRecord extends AppError {
  constructor(code: 'appointment_not_found' | 'patient_not_found') {
    super('not_found', 'error.not_found', {}, { code });
  }
}

/** A no-show is declared only once the appointment has started (409). */
export class AppointmentNotStarted extends AppError {
  constructor() {
    super('conflict', 'practice.error.not_started', {}, { code: 'appointment_not_started' });
  }
}

/** A cancelled appointment was never missed (409). */
export class AppointmentWasCancelled extends AppError {
  constructor() {
    super('conflict', 'practice.error.cancelled', {}, { code: 'appointment_cancelled' });
  }
}
