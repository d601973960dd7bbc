/**
 * Places of consultation (SPEC B5, J1): address in a known commune (its map position is the commune's: no geocoding),
 * phone, and the place's own online-booking switch (B7: off hides that place from patients, its appointments stay).
 */
import type { Db } from '../../platform/db/database.ts';
import { readOptionalPhone } from '../accounts/account-identity.ts';
import { inAgendaTransaction } from './agenda-writes.ts';
import { PracticeRecordNotFound, SettingInvalid } from './errors.ts';
import { readPlaces, type PlaceView } from './settings-views.ts';

export interface PlaceInput {
  name?: string | null;
  address: string;
  postalCode: string;
  communeCode: string;
  phone?: string | null;
  onlineBooking?: boolean;
}

/** Adds a place of consultation. */
export async function createPlace(db: Db, practitionerId: string, input: PlaceInput): Promise<PlaceView> {
  return inAgendaTransaction(db, practitionerId, async (trx) => {
    const commune = await findCommune(trx, input.communeCode, input.postalCode);
    const phone = readOptionalPhone(input.phone);
    const created = await trx.insertInto('places').values({
      practitioner_id: practitionerId,
      name: tidyName(input.name),
      address: input.address.trim(),
      postal_code: input.postalCode,
      commune_code: commune.code,
      latitude: commune.latitude,
      longitude: commune.longitude,
      phone: phone?.e164 ?? null,
      online_booking: input.onlineBooking ?? true,
    }).returning('id').executeTakeFirstOrThrow();
    return (await readPlaces(trx, practitionerId, created.id))[0]!;
  });
}

/** Changes the given fields of one of the practitioner's places. */
export async function updatePlace(db: Db, practitionerId: string, placeId: string, patch: Partial<PlaceInput>): Promise<PlaceView> {
  return inAgendaTransaction(db, practitionerId, async (trx) => {
    const [current] = await readPlaces(trx, practitionerId, placeId);
    if (!current) throw new PracticeRecordNotFound('place_not_found');
    const moving = patch.communeCode !== undefined || patch.postalCode !== undefined;
    const commune = moving
      ? await findCommune(trx, patch.communeCode ?? current.communeCode, patch.postalCode ?? current.postalCode)
      : null;
    await trx.updateTable('places').set({
      ...(patch.name !== undefined ? { name: tidyName(patch.name) } : {}),
      ...(patch.address !== undefined ? { address: patch.address.trim() } : {}),
      ...(patch.phone !== undefined ? { phone: readOptionalPhone(patch.phone)?.e164 ?? null } : {}),
      ...(patch.onlineBooking !== undefined ? { online_booking: patch.onlineBooking } : {}),
      ...(commune ? {
        commune_code: commune.code, postal_code: patch.postalCode ?? current.postalCode,
        latitude: commune.latitude, longitude: commune.longitude,
      } : {}),
    }).where('id', '=', placeId).where('practitioner_id', '=', practitionerId).execute();
    return (await readPlaces(trx, practitionerId, placeId))[0]!;
  });
}

/** The commune of a place, which must own the postal code typed. */
async function findCommune(db: Db, communeCode: string, postalCode: string) {
  const commune = await db.selectFrom('communes').select(['code', 'latitude', 'longitude', 'postal_codes'])
    .where('code', '=', communeCode).executeTakeFirst();
  if (!commune) throw new SettingInvalid('commune_unknown');
  if (!commune.postal_codes.includes(postalCode)) throw new SettingInvalid('postal_code_mismatch');
  return commune;
}

/** An empty name is no name (the place is then shown by its address). */
function tidyName(name: string | null | undefined): string | null {
  const tidy = name?.trim() ?? '';
  return tidy === '' ? null : tidy;
}
