/** Why an availability calendar cannot be shown; the HTTP layer maps them once (src/platform/http/app.ts). */
import { InvalidInput, NotFound } from '../../platform/errors.ts';

/** The place or the reason is unknown, or belongs to another practitioner. */
export class PlaceOrReasonNotFound extends NotFound {
  constructor() {
    super('availability.error.place_or_reason_not_found');
  }
}

/** The reason exists but is taken by phone or at the practice only (J2). */
export class ReasonNotBookableOnline extends NotFound {
  constructor() {
    super('availability.error.reason_not_bookable_online');
  }
}

/** The practitioner does not offer online booking at all (B7). */
export class OnlineBookingUnavailable extends NotFound {
  constructor() {
    super('availability.error.no_online_booking');
  }
}

/** The calendar cannot start more than a year ahead. */
export class StartDateTooFar extends InvalidInput {
  constructor(latest: string) {
    super('availability.error.from_too_far', { max: latest });
  }
}
