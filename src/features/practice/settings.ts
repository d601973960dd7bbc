/** Everything the settings pages show at once (GET …/settings): five small reads of the practitioner's rows. */
import type { Db } from '../../platform/db/database.ts';
import {
  readAbsences, readOpeningRules, readPlaces, readReasons, readReplacements,
  type AbsenceView, type OpeningRuleView, type PlaceView, type ReasonView, type ReplacementView,
} from './settings-views.ts';

export interface PracticeSettings {
  places: PlaceView[];
  reasons: ReasonView[];
  openingHours: OpeningRuleView[];
  absences: AbsenceView[];
  replacements: ReplacementView[];
}

/** The practitioner's settings; absences and replacements already over are left out. */
export async function readSettings(db: Db, practitionerId: string, now: Date): Promise<PracticeSettings> {
  const [places, reasons, openingHours, absences, replacements] = await Promise.all([
    readPlaces(db, practitionerId),
    readReasons(db, practitionerId),
    readOpeningRules(db, practitionerId),
    readAbsences(db, practitionerId, now),
    readReplacements(db, practitionerId, now),
  ]);
  return { places, reasons, openingHours, absences, replacements };
}
