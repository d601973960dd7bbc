/** GET /api/practitioners/:id (SPEC B5–B7): the practitioner page, with what its sector means for reimbursement. */
import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { practitionerDisplayName } from './domain/display-name.ts';
import { explainSector, type SectorExplanation } from './domain/reimbursement.ts';
import { PractitionerNotFound } from './errors.ts';
import { findPractitioner, listBookableReasons, listPlaces, type PlaceRow, type PractitionerRow, type ReasonRow } from './repository.ts';

/** The fields of the practitioner row shown as they are. */
type ShownAsStored = 'id' | 'rpps' | 'civility' | 'title' | 'firstName' | 'lastName' | 'sector' | 'carteVitale'
  | 'tiersPayant' | 'paymentMethods' | 'languages' | 'onlineBooking' | 'phone' | 'presentation';

export interface PractitionerPage extends Pick<PractitionerRow, ShownAsStored> {
  name: string;
  profession: { code: string; label: string };
  specialty: { code: string; slug: string; label: string };
  reimbursement: SectorExplanation;
  places: PlaceRow[];
  reasons: ReasonRow[];
}

/** Largest bigint: longer or larger ids cannot name a practitioner. */
const MAX_ID = 9223372036854775807n;

/** Whether a path segment can be a practitioner id (a positive decimal bigint). */
export function isPractitionerId(id: string): boolean {
  return /^[1-9][0-9]{0,18}$/.test(id) && BigInt(id) <= MAX_ID;
}

/** The page of a practitioner; malformed and unknown ids are both « not found ». */
export async function getPractitionerPage(db: Db, id: string, options: { now: Date; lang: Language }): Promise<PractitionerPage> {
  if (!isPractitionerId(id)) throw new PractitionerNotFound();
  const [practitioner, places, reasons] = await Promise.all([
    findPractitioner(db, id, options.lang),
    listPlaces(db, id),
    listBookableReasons(db, id, options.lang, options.now),
  ]);
  if (!practitioner) throw new PractitionerNotFound();
  const { professionCode, professionLabel, professionKind, specialtyCode, specialtySlug, specialtyLabel, ...fields } = practitioner;
  return {
    ...fields,
    name: practitionerDisplayName(practitioner),
    profession: { code: professionCode, label: professionLabel },
    specialty: { code: specialtyCode, slug: specialtySlug, label: specialtyLabel },
    reimbursement: explainSector(practitioner.sector, professionKind, options.now),
    places,
    reasons,
  };
}
