/**
 * Refusals of the practitioner space's agenda and settings (docs/api-practice.md « Agenda and settings »): each
 * carries the contract's machine code next to its translated sentence; the app maps the kind to a status once.
 */
import { AppError } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/catalogue.ts';

type RecordCode = 'appointment_not_found' | 'patient_not_found' | 'place_not_found' | 'reason_not_found' | 'absence_not_found'
  | 'replacement_not_found';

const recordMessage: Record<RecordCode, MessageKey> = {
  appointment_not_found: 'error.not_found',
  patient_not_found: 'practice.error.patient_not_found',
  place_not_found: 'practice.error.place_not_found',
  reason_not_found: 'practice.error.reason_not_found',
  absence_not_found: 'error.not_found',
  replacement_not_found: 'error.not_found',
};

/** Not this practitioner's (or no such) appointment, patient, place, reason, absence or replacement (404). */
export class PracticeRecordNotFound extends AppError {
  constructor(code: RecordCode) {
    super('not_found', recordMessage[code], {}, { code });
  }
}

/** An appointment cannot be booked or moved to a time already past (400). */
export class StartInPast extends AppError {
  constructor() {
    super('invalid', 'practice.agenda.error.start_past', {}, { code: 'start_past' });
  }
}

/** An appointment more than two years ahead is a typing mistake (400). */
export class StartTooFar extends AppError {
  constructor() {
    super('invalid', 'practice.agenda.error.start_too_far', {}, { code: 'start_too_far' });
  }
}

/** Only an upcoming booked appointment can be moved (409). */
export class AppointmentNotMovable extends AppError {
  constructor() {
    super('conflict', 'practice.agenda.error.not_movable', {}, { code: 'appointment_not_movable' });
  }
}

/** A started, missed or done appointment stays as it is (D6, 409). */
export class AppointmentNotCancellable extends AppError {
  constructor() {
    super('conflict', 'practice.agenda.error.not_cancellable', {}, { code: 'appointment_not_cancellable' });
  }
}

/** The agenda cannot be read more than a year away from today (400). */
export class AgendaDateTooFar extends AppError {
  constructor() {
    super('invalid', 'practice.agenda.error.from_too_far', {}, { code: 'from_too_far' });
  }
}

const overlapMessages: Record<number, MessageKey> = {
  1: 'practice.settings.error.opening_overlap.1',
  2: 'practice.settings.error.opening_overlap.2',
  3: 'practice.settings.error.opening_overlap.3',
  4: 'practice.settings.error.opening_overlap.4',
  5: 'practice.settings.error.opening_overlap.5',
  6: 'practice.settings.error.opening_overlap.6',
  7: 'practice.settings.error.opening_overlap.7',
};

/** Two intervals of one place on the same weekday overlap while both are valid (400). */
export class OpeningOverlap extends AppError {
  constructor(weekday: number) {
    super('invalid', overlapMessages[weekday] ?? 'practice.settings.error.opening_invalid', {}, { code: 'opening_overlap', details: { weekday } });
  }
}

/** An interval that ends before it starts, off the 5-minute grid, without reasons or with dates out of order (400). */
export class OpeningInvalid extends AppError {
  constructor() {
    super('invalid', 'practice.settings.error.opening_invalid', {}, { code: 'opening_invalid' });
  }
}

/** An absence or replacement that ends before it starts, or lasts more than a year (400). */
export class PeriodInvalid extends AppError {
  constructor() {
    super('invalid', 'practice.settings.error.period_invalid', {}, { code: 'period_invalid' });
  }
}

/** A reason named by appointments cannot be deleted (409). */
export class ReasonInUse extends AppError {
  constructor() {
    super('conflict', 'practice.settings.error.reason_in_use', {}, { code: 'reason_in_use' });
  }
}

/** A setting that breaks a rule the schema cannot express (ages in order, a known commune, a known reason kind) (400). */
export class SettingInvalid extends AppError {
  constructor(code: 'commune_unknown' | 'postal_code_mismatch' | 'ages_order' | 'kind_unknown') {
    const keys: Record<typeof code, MessageKey> = {
      commune_unknown: 'practice.settings.error.commune_unknown',
      postal_code_mismatch: 'practice.settings.error.postal_code_mismatch',
      ages_order: 'practice.settings.error.ages_order',
      kind_unknown: 'practice.settings.error.kind_unknown',
    };
    super('invalid', keys[code], {}, { code });
  }
}
