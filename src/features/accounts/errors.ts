/** Errors of the authentication flows, each with its translated sentence (messages/accounts.ts). */
import { AppError, InvalidInput } from '../../platform/errors.ts';

/** No valid session: the user must log in (401). */
export class NotSignedIn extends AppError {
  constructor() {
    super('unauthorized', 'accounts.error.not_signed_in');
  }
}

/** Email unknown or password wrong: the same answer for both, so that existence is not revealed (401). */
export class WrongCredentials extends AppError {
  constructor() {
    super('unauthorized', 'accounts.error.wrong_credentials');
  }
}

/** A wrong code with tries left (400). */
export class WrongCode extends AppError {
  constructor(readonly attemptsLeft: number) {
    super('invalid', attemptsLeft === 1 ? 'accounts.error.wrong_code_last' : 'accounts.error.wrong_code', { attemptsLeft });
  }
}

/** The code is expired, used, exhausted or unknown (410): a new one must be asked for. */
export class CodeExpired extends AppError {
  constructor() {
    super('gone', 'accounts.error.code_expired');
  }
}

/** The sign-up or login challenge no longer exists (404). */
export class ChallengeNotFound extends AppError {
  constructor() {
    super('not_found', 'accounts.error.challenge_not_found');
  }
}

/** An account already uses this email (409). */
export class EmailTaken extends AppError {
  constructor() {
    super('conflict', 'accounts.error.email_taken');
  }
}

/** A typed code that cannot be one (not 6 digits): no try is used (400). */
export class CodeFormatInvalid extends InvalidInput {
  constructor() {
    super('accounts.error.code_format');
  }
}
