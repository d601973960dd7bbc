/** Ids in the practitioner space's paths: a malformed one is simply « not found », never a database error. */
import { PracticeRecordNotFound } from './errors.ts';

type IdCode = ConstructorParameters<typeof PracticeRecordNotFound>[0];

/** A decimal id (place, reason, absence, replacement), or 404 with `code`. */
export function decimalIdOr404(value: string, code: IdCode): string {
  if (!/^[0-9]{1,18}$/.test(value)) throw new PracticeRecordNotFound(code);
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a text is a UUID (appointments, patients, files). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
