/**
 * Why a hold or a confirmation is refused (docs/api-booking.md): each error carries the contract's machine `code`
 * next to its translated sentence; the HTTP layer maps the kind to a status once (src/platform/http/app.ts).
 */
import { AppError } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/catalogue.ts';
import { refusalMessage, type BookingRefusal, type BookingRefusalKind } from './domain/rules.ts';

/** The slot is no longer free: taken, held by someone else, or lost to a concurrent booking (C8, 409). */
export class SlotTaken extends AppError {
  constructor() {
    super('conflict', 'booking.slot.taken', {}, { code: 'slot_taken' });
  }
}

/** The hold's 15 minutes are over, or it no longer exists (expired holds are deleted) (C2, 410). */
export class HoldExpired extends AppError {
  constructor() {
    super('gone', 'booking.hold.expired', {}, { code: 'hold_expired' });
  }
}

/** Another account's hold, or an anonymous hold presented without its token (403). */
export class HoldNotYours extends AppError {
  constructor() {
    super('forbidden', 'booking.hold.not_yours', {}, { code: 'hold_not_yours' });
  }
}

/** A hold the caller cannot see: unknown to them, whoever owns it (404, nothing revealed). */
export class HoldNotFound extends AppError {
  constructor() {
    super('not_found', 'error.not_found', {}, { code: 'hold_not_found' });
  }
}

/** The appointment named by `moving`, a relative or a referring practitioner the caller cannot use (404). */
export class BookingTargetNotFound extends AppError {
  constructor(code: 'appointment_not_found' | 'relative_not_found' | 'referring_practitioner_not_found', messageKey: MessageKey = 'error.not_found') {
    super('not_found', messageKey, {}, { code });
  }
}

/** The holder's identity is needed to book for themselves and is neither in « Mon compte » nor in the request (400). */
export class IdentityRequired extends AppError {
  constructor(messageKey: MessageKey) {
    super('invalid', messageKey, {}, { code: 'identity_required' });
  }
}

/** Contract statuses of the rule refusals: blocks are 403, missing answers 400, the rest 409. */
const refusalKind: Record<BookingRefusalKind, 'forbidden' | 'invalid' | 'conflict'> = {
  blocked_no_shows: 'forbidden',
  blocked_by_practice: 'forbidden',
  not_bookable_online: 'conflict',
  new_patients_not_accepted: 'conflict',
  identity_mismatch: 'conflict',
  last_visit_too_old: 'conflict',
  too_young: 'conflict',
  too_old: 'conflict',
  birth_date_required: 'invalid',
  referral_required: 'invalid',
  instructions_not_accepted: 'invalid',
};

/** A booking rule said no (C5, D5); the code is the refusal's kind. */
export class BookingRefused extends AppError {
  constructor(readonly refusal: BookingRefusal) {
    const { key, params } = refusalMessage(refusal);
    super(refusalKind[refusal.kind], key, params, { code: refusal.kind });
  }
}

/** The 8-day rule (C6) found appointments too close: the patient keeps them or sends again with `replace` (409). */
export class EightDayRuleConflict extends AppError {
  constructor(conflicts: unknown[]) {
    super('conflict', 'booking.eight_day.conflict', {}, { code: 'eight_day_rule', details: { conflicts } });
  }
}

/** Cancelling online (or replacing, C6) under 4 hours before the start: the patient phones the practice (D3, 409). */
export class CancelTooLate extends AppError {
  constructor(phone: string) {
    super('conflict', 'booking.cancel.phone_only', { phone }, { code: 'cancel_too_late', details: { phone } });
  }
}

/** The same Idempotency-Key was used at the same time for another booking of the account (409). */
export class IdempotencyKeyReused extends AppError {
  constructor() {
    super('conflict', 'error.invalid_input', { details: 'Idempotency-Key' }, { code: 'idempotency_key_reused' });
  }
}

/** C9: the practice's software answered a booking request after its `answerBy` (410): the hold is gone or going. */
export class ConfirmationExpired extends AppError {
  constructor() {
    super('gone', 'booking.confirmation.expired', {}, { code: 'confirmation_expired' });
  }
}

/** C9: a booking request the caller cannot see — another account's or practitioner's, or none (404, nothing revealed). */
export class ConfirmationNotFound extends AppError {
  constructor() {
    super('not_found', 'booking.confirmation.not_found', {}, { code: 'confirmation_not_found' });
  }
}
