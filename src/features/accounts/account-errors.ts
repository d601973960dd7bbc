/** Errors of « Mon compte », « Mes proches » and password reset, mapped to HTTP once by the platform. */
import { AppError, InvalidInput, NotFound } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/catalogue.ts';

/** An identity, address, contact or password field the user must correct (400, nothing changed). */
export class InvalidAccountField extends InvalidInput {
  constructor(messageKey: MessageKey, params: Record<string, string | number> = {}) {
    super(messageKey, params);
  }
}

/** The password typed to confirm a sensitive change is not the account's. */
export class WrongPassword extends InvalidInput {
  constructor() {
    super('myaccount.error.wrong_password');
  }
}

/** Another account already signs in with this email. */
export class EmailInUse extends AppError {
  constructor() {
    super('conflict', 'myaccount.error.email_taken');
  }
}

/** No live relative with this id on the session's account (never says whether it exists elsewhere). */
export class RelativeNotFound extends NotFound {
  constructor() {
    super('relatives.error.not_found');
  }
}

/** A minor relative with an email or phone of its own (A7: contacts are for adults only). */
export class ContactForMinor extends InvalidInput {
  constructor() {
    super('relatives.error.contact_for_minor');
  }
}

/** The account already has the maximum number of relatives. */
export class TooManyRelatives extends InvalidInput {
  constructor(max: number) {
    super('relatives.error.too_many', { max });
  }
}

/** A reset link that is unknown, expired or already used (410: ask for a new one). */
export class ResetLinkGone extends AppError {
  constructor() {
    super('gone', 'password_reset.error.link_gone');
  }
}

/** A new password the policy refuses (A3); the sentence names the first rule to fix. */
export class WeakPassword extends InvalidInput {
  constructor(messageKey: MessageKey) {
    super(messageKey);
  }
}

/** Deleting the account would leave practices waiting: upcoming appointments must be cancelled first (D3 applies). */
export class UpcomingAppointmentsFirst extends AppError {
  constructor() {
    super('conflict', 'myaccount.error.upcoming_appointments');
  }
}

/** The new password is the current one. */
export class SamePassword extends InvalidInput {
  constructor() {
    super('myaccount.error.same_password');
  }
}
