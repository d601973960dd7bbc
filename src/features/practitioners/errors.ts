/** Errors of the practitioner page, mapped to HTTP once by the platform. */
import { NotFound } from '../../platform/errors.ts';

/** No practitioner has this id (or the id is malformed). */
export class PractitionerNotFound extends NotFound {
  constructor() {
    super('practitioner.error.not_found');
  }
}
