/** Errors of the practitioner space's logins, each with its translated sentence (messages/practice-auth.ts). */
import { AppError, InvalidInput, NotFound } from '../../platform/errors.ts';

/** No staff session (a patient session does not count): log in to the practitioner space (401). */
export class StaffNotSignedIn extends AppError {
  constructor() {
    super('unauthorized', 'practice_auth.error.not_signed_in');
  }
}

/** A secretary granted on this practitioner, without the right this action needs (403). */
export class RightMissing extends AppError {
  constructor() {
    super('forbidden', 'practice_auth.error.right_missing');
  }
}

/** A practitioner this login may not see: answered exactly like one that does not exist (404). */
export class PractitionerHidden extends NotFound {
  constructor() {
    super('error.not_found');
  }
}

/** An invitation link that is unknown, expired or already used (410). */
export class InvitationGone extends AppError {
  constructor() {
    super('gone', 'practice_auth.error.invitation_gone');
  }
}

/** The secretary already has a grant for this practitioner (409). */
export class AlreadyGranted extends AppError {
  constructor() {
    super('conflict', 'practice_auth.error.already_granted');
  }
}

/** A practitioner login cannot become someone's secretary (409). */
export class EmailOfPractitioner extends AppError {
  constructor() {
    super('conflict', 'practice_auth.error.email_of_practitioner');
  }
}

/** Another staff login already uses this email (409). */
export class StaffEmailTaken extends AppError {
  constructor() {
    super('conflict', 'practice_auth.error.email_in_use');
  }
}

/** A code by SMS was asked for a login without a phone (400). */
export class NoPhoneOnFile extends InvalidInput {
  constructor() {
    super('practice_auth.error.no_phone');
  }
}
