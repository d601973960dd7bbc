/** Everything the settings pages show at once (GET …/settings): six small reads of the practitioner's rows. */
import type { Db } from '../../platform/db/database.ts';
import {
  readAbsences, readConfirmsFromSoftware, readOpeningRules, readPlaces, readReasons, readReplacements,
  type AbsenceView, type OpeningRuleView, type PlaceView, type ReasonView, type ReplacementView,
} from './settings-views.ts';

export interface PracticeSettings {
  places: PlaceView[];
  reasons: ReasonView[];
  openingHours: OpeningRuleView[];
  absences: AbsenceView[];
  replacements: ReplacementView[];
  /** C9: online bookings wait for the practice's own software to accept them. */
  confirmsFromSoftware: boolean;
}

/** The practitioner's settings; absences and replacements already over are left out. */
export async function readSettings(db: Db, practitionerId: string, now: Date): Promise<PracticeSettings> {
  const [places, reasons, openingHours, absences, replacements, confirmsFromSoftware] = await Promise.all([
    readPlaces(db, practitionerId),
    readReasons(db, practitionerId),
    readOpeningRules(db, practitionerId),
    readAbsences(db, practitionerId, now),
    readReplacements(db, practitionerId, now),
    readConfirmsFromSoftware(db, practitionerId),
  ]);
  return { places, reasons, openingHours, absences, replacements, confirmsFromSoftware };
}

/**
 * C9: the practice's own software accepts each online booking, or no longer does. Slots offered do not change, so
 * no agenda change is announced; requests already waiting are still answered.
 */
export async function setConfirmsFromSoftware(db: Db, practitionerId: string, confirmsFromSoftware: boolean): Promise<void> {
  await db.updateTable('practitioners').set({ confirms_from_software: confirmsFromSoftware }).where('id', '=', practitionerId).execute();
}
