/**
 * Refusals of managing appointments (docs/api-booking.md « Mes rendez-vous », « Links from messages »), each with
 * the contract's machine code next to its translated sentence.
 */
import { AppError } from '../../platform/errors.ts';

/** The appointment has started (or was seen, or missed): it can no longer be moved or cancelled (D3, D6; 409). */
export class AppointmentPast extends AppError {
  constructor() {
    super('conflict', 'booking.cancel.past', {}, { code: 'appointment_past' });
  }
}

/** A cancelled (or moved) appointment cannot be moved again (409). */
export class AppointmentCancelled extends AppError {
  constructor() {
    super('conflict', 'booking.manage.cancelled', {}, { code: 'appointment_cancelled' });
  }
}

/** Moving releases the old time: like cancelling, only more than 4 hours ahead; else the patient phones (409). */
export class MoveTooLate extends AppError {
  constructor(phone: string) {
    super('conflict', 'booking.move.too_late', { phone }, { code: 'move_too_late', details: { phone } });
  }
}

/** A move stays with the same practitioner (D2): a hold in another agenda is refused (409). */
export class HoldOfAnotherPractitioner extends AppError {
  constructor() {
    super('conflict', 'booking.move.other_practitioner', {}, { code: 'hold_other_practitioner' });
  }
}

/** A link that is not one of ours: malformed or tampered with (400). */
export class LinkInvalid extends AppError {
  constructor() {
    super('invalid', 'booking.link.invalid', {}, { code: 'link_invalid' });
  }
}

/** A move link used to cancel, or the reverse (400). */
export class LinkWrongPurpose extends AppError {
  constructor() {
    super('invalid', 'booking.link.wrong_purpose', {}, { code: 'link_wrong_purpose' });
  }
}

/** The link's appointment has started (410). */
export class LinkExpired extends AppError {
  constructor() {
    super('gone', 'booking.link.expired', {}, { code: 'link_expired' });
  }
}

/** The link's appointment was moved or cancelled since: the link died with it (410). */
export class LinkUsed extends AppError {
  constructor() {
    super('gone', 'booking.link.used', {}, { code: 'link_used' });
  }
}

/** Hiding a practitioner the account never booked with (404). */
export class NotInCareTeam extends AppError {
  constructor() {
    super('not_found', 'care_team.not_member', {}, { code: 'practitioner_not_found' });
  }
}
